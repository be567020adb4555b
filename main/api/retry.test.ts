import { describe, expect, it } from 'vitest';
import { backoffDelayMs, parseRetryAfterMs, retryDelayMs } from './retry.ts';

const policy = { maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 30_000 };

describe('backoff', () => {
  it('doubles from the base delay and stops at the cap', () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4].map((attempt) => backoffDelayMs(attempt, policy, middle))).toEqual([
      500, 1000, 2000, 4000,
    ]);
    expect(backoffDelayMs(20, policy, middle)).toBe(30_000);
  });

  it('jitters by ±20 %', () => {
    expect(backoffDelayMs(2, policy, () => 0)).toBe(800);
    expect(backoffDelayMs(2, policy, () => 0.999_999)).toBe(1200);
  });
});

describe('Retry-After', () => {
  const now = Date.parse('2026-11-26T10:00:00Z');

  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfterMs('3', now)).toBe(3000);
    expect(parseRetryAfterMs('0', now)).toBe(0);
    expect(parseRetryAfterMs('Thu, 26 Nov 2026 10:00:05 GMT', now)).toBe(5000);
  });

  it('ignores what it cannot read', () => {
    expect(parseRetryAfterMs(null, now)).toBeUndefined();
    expect(parseRetryAfterMs('', now)).toBeUndefined();
    expect(parseRetryAfterMs('soon', now)).toBeUndefined();
  });
});

describe('the wait before a retry', () => {
  const middle = () => 0.5;

  it('backs off when the provider names no wait', () => {
    expect(retryDelayMs({ kind: 'unavailable' }, 3, policy, middle)).toBe(2000);
  });

  it("waits out a 429's Retry-After in full", () => {
    expect(retryDelayMs({ kind: 'rate_limited', retryAfterMs: 90_000 }, 1, policy, middle)).toBe(90_000);
  });

  it("honours a 503's or 504's Retry-After up to the longest backoff", () => {
    expect(retryDelayMs({ kind: 'unavailable', retryAfterMs: 7_000 }, 1, policy, middle)).toBe(7_000);
    expect(retryDelayMs({ kind: 'timeout', retryAfterMs: 0 }, 4, policy, middle)).toBe(0);
    expect(retryDelayMs({ kind: 'timeout', retryAfterMs: 3_600_000 }, 1, policy, middle)).toBe(30_000);
  });
});
