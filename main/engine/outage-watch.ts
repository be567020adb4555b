/**
 * Tells an outage from a passing fault (docs/architecture.md §5.10): requests across rows that end with no answer
 * (refused, timed out, connection broken) or a 5xx, with no other answer in between, for a while. One
 * answer of any other kind (a 2xx, a 400, a 429) shows the provider is there and clears the watch.
 */
export interface OutagePolicy {
  /** Failing this long without one answer, across rows, is an outage. */
  readonly unreachableAfterMs: number;
  /** …and at least this many failed attempts: one slow request is not an outage. */
  readonly minFailures: number;
  /** While paused, the first probe comes after this, doubling up to `probeMaxMs` (jittered). */
  readonly probeFirstMs: number;
  readonly probeMaxMs: number;
}

export const defaultOutagePolicy: OutagePolicy = {
  unreachableAfterMs: 20_000,
  minFailures: 3,
  probeFirstMs: 2_000,
  probeMaxMs: 60_000,
};

/** An attempt's result (an HTTP status, or how it failed without one) that says nothing answered. */
export const isUnanswered = (result: number | string): boolean =>
  typeof result === 'string' ? result !== 'redirect' : result >= 500;

export const createOutageWatch = (policy: OutagePolicy, now: () => number) => {
  let failingSince: number | null = null;
  let failures = 0;
  return {
    attempt: (result: number | string): void => {
      if (!isUnanswered(result)) {
        failingSince = null;
        failures = 0;
        return;
      }
      failingSince ??= now();
      failures += 1;
    },
    /** When the current run of failures began, if one is under way. */
    since: (): number | null => failingSince,
    isOutage: (): boolean =>
      failingSince !== null &&
      failures >= policy.minFailures &&
      now() - failingSince >= policy.unreachableAfterMs,
    reset: (): void => {
      failingSince = null;
      failures = 0;
    },
  };
};

export type OutageWatch = ReturnType<typeof createOutageWatch>;
