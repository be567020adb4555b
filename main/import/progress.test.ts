import { describe, expect, it } from 'vitest';
import { throttleProgress } from './progress.ts';

describe('throttleProgress', () => {
  it('passes on at most one call per step, increasing, and ends at 1 once', () => {
    const calls: number[] = [];
    const progress = throttleProgress((fraction) => calls.push(fraction), 4);
    for (let done = 1; done <= 100; done++) progress.report(done / 100);
    progress.finish();
    progress.finish();
    expect(calls).toEqual([0.25, 0.5, 0.75, 1]);
  });

  it('ignores reports after finishing and works without a listener', () => {
    const calls: number[] = [];
    const progress = throttleProgress((fraction) => calls.push(fraction));
    progress.finish();
    progress.report(0.5);
    expect(calls).toEqual([1]);
    expect(() => {
      const silent = throttleProgress(undefined);
      silent.report(0.5);
      silent.finish();
    }).not.toThrow();
  });
});
