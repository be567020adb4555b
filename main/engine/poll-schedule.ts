/**
 * When to look at a pending order again (docs/provider-api.md §13.11): about 2 s at first, a second more per 50
 * cards, doubling each time up to a minute, with ±20 % jitter so many rows do not poll in step.
 */
export const firstPollDelayMs = (cards: number, baseMs = 2_000): number =>
  baseMs + Math.floor(cards / 50) * 1_000;

export const maxPollDelayMs = 60_000;

export const nextPollDelayMs = (previousMs: number): number => Math.min(maxPollDelayMs, previousMs * 2);

export const jittered = (delayMs: number, random: () => number): number =>
  Math.round(delayMs * (0.8 + 0.4 * random()));
