/** Called with the share of the work done, from 0 to 1. */
export type ProgressListener = (fraction: number) => void;

export interface ProgressReporter {
  /** Passes on a fraction below 1 only when it moved a full step past the last one passed on. */
  readonly report: (fraction: number) => void;
  /** Passes on 1, once. */
  readonly finish: () => void;
}

/**
 * Throttles progress to at most `steps` calls, strictly increasing and ending at 1, so a big file
 * does not flood the IPC channel with an event per row.
 */
export const throttleProgress = (listener: ProgressListener | undefined, steps = 20): ProgressReporter => {
  let last = 0;
  let isFinished = false;
  return {
    report: (fraction) => {
      if (listener === undefined || isFinished || !(fraction < 1)) return;
      if (fraction - last < 1 / steps) return;
      last = fraction;
      listener(fraction);
    },
    finish: () => {
      if (isFinished) return;
      isFinished = true;
      listener?.(1);
    },
  };
};
