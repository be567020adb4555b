import { describe, expect, it } from 'vitest';
import { createRateGate } from './rate-gate.ts';

/** A clock that only moves when the gate sleeps: the starts it allows are then exact. */
const fakeClock = () => {
  let time = 1_000;
  return {
    now: () => time,
    sleep: (ms: number) => {
      time += ms;
      return Promise.resolve();
    },
    advance: (ms: number) => {
      time += ms;
    },
  };
};

describe('the rate gate', () => {
  it('spaces starts 1/rate apart, however many callers wait at once', async () => {
    const clock = fakeClock();
    const gate = createRateGate(() => 10, clock.now, clock.sleep);
    const starts: number[] = [];
    for (let call = 0; call < 5; call += 1) {
      await gate();
      starts.push(clock.now());
    }
    expect(starts).toEqual([1_000, 1_100, 1_200, 1_300, 1_400]);
  });

  it('gives concurrent callers distinct slots', async () => {
    let time = 0;
    const wakeups: number[] = [];
    const gate = createRateGate(
      () => 4,
      () => time,
      (ms) => {
        wakeups.push(time + ms);
        return Promise.resolve();
      },
    );
    await Promise.all([gate(), gate(), gate(), gate()]);
    // The first goes at once; the others are told to wait for 250, 500 and 750 ms.
    expect(wakeups).toEqual([250, 500, 750]);
    time = 100;
    await gate();
    expect(wakeups.at(-1)).toBe(1_000);
  });

  it('does not bank unused time: after a quiet spell the next start is not early', async () => {
    const clock = fakeClock();
    const gate = createRateGate(() => 2, clock.now, clock.sleep);
    await gate();
    clock.advance(10_000);
    const before = clock.now();
    await gate();
    expect(clock.now()).toBe(before);
    await gate();
    expect(clock.now()).toBe(before + 500);
  });

  it('reads the rate on every call, so a settings change applies at once', async () => {
    const clock = fakeClock();
    let rate = 1;
    const gate = createRateGate(() => rate, clock.now, clock.sleep);
    await gate();
    rate = 100;
    await gate();
    const afterSlowSlot = clock.now();
    await gate();
    expect(clock.now() - afterSlowSlot).toBe(10);
  });
});
