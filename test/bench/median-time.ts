import { performance } from 'node:perf_hooks';

const median = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** The median wall time of `runs` runs of `work`, in ms: one slow run on a shared machine does not count. */
export const medianTime = async (work: () => unknown, runs: number): Promise<number> => {
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return median(samples);
};
