export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 30_000 };

/** Exponential backoff with ±20 % jitter, so many rows retrying at once do not retry in step. */
export const backoffDelayMs = (failedAttempts: number, policy: RetryPolicy, random: () => number): number => {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, failedAttempts - 1));
  return Math.round(exponential * (0.8 + 0.4 * random()));
};

/** Retry-After as seconds or as an HTTP date; undefined when absent or unreadable. */
export const parseRetryAfterMs = (header: string | null, now: number): number | undefined => {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
};

/**
 * The wait before the next attempt. A 429's Retry-After is the provider metering requests: it is waited
 * out in full (a pause still cuts the wait short). A 5xx's or timeout's Retry-After replaces the backoff
 * but never exceeds the policy's longest delay: a provider asking for longer is having an outage, which
 * the engine pauses the batch for (docs/architecture.md §5.10) instead of letting rows sleep through it.
 */
export const retryDelayMs = (
  error: { readonly kind: string; readonly retryAfterMs?: number },
  failedAttempts: number,
  policy: RetryPolicy,
  random: () => number,
): number => {
  if (error.retryAfterMs === undefined) return backoffDelayMs(failedAttempts, policy, random);
  return error.kind === 'rate_limited' ? error.retryAfterMs : Math.min(error.retryAfterMs, policy.maxDelayMs);
};
