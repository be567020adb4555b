/**
 * Spaces request starts at least 1/rate seconds apart, whatever the concurrency: hand-written because it
 * is a few lines, where a token-bucket package would bring its own timers and clock.
 */
export const createRateGate = (
  requestsPerSecond: () => number,
  now: () => number,
  sleep: (ms: number) => Promise<void>,
) => {
  let nextSlot = 0;
  return async (): Promise<void> => {
    const start = Math.max(now(), nextSlot);
    nextSlot = start + 1000 / requestsPerSecond();
    const wait = start - now();
    if (wait > 0) await sleep(wait);
  };
};
