import { describe, expect, it } from 'vitest';
import { firstPollDelayMs, jittered, maxPollDelayMs, nextPollDelayMs } from './poll-schedule.ts';

describe('the poll schedule', () => {
  it('starts at about 2 s, a second more per 50 cards', () => {
    expect(firstPollDelayMs(1)).toBe(2_000);
    expect(firstPollDelayMs(49)).toBe(2_000);
    expect(firstPollDelayMs(50)).toBe(3_000);
    expect(firstPollDelayMs(250)).toBe(7_000);
    // Tests shorten the base; the per-card allowance stays.
    expect(firstPollDelayMs(100, 50)).toBe(2_050);
  });

  it('doubles up to a minute and stays there', () => {
    const delays = [2_000];
    for (let step = 0; step < 8; step += 1) delays.push(nextPollDelayMs(delays.at(-1) ?? 0));
    expect(delays).toEqual([2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000, 60_000]);
    expect(maxPollDelayMs).toBe(60_000);
  });

  it('jitters by ±20 %', () => {
    expect(jittered(10_000, () => 0)).toBe(8_000);
    expect(jittered(10_000, () => 0.5)).toBe(10_000);
    expect(jittered(10_000, () => 0.999_999)).toBe(12_000);
    for (let draw = 0; draw < 1; draw += 0.01) {
      const delay = jittered(60_000, () => draw);
      expect(delay).toBeGreaterThanOrEqual(48_000);
      expect(delay).toBeLessThanOrEqual(72_000);
    }
  });
});
