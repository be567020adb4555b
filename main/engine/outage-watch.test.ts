import { describe, expect, it } from 'vitest';
import { createOutageWatch, isUnanswered } from './outage-watch.ts';

const policy = { unreachableAfterMs: 1_000, minFailures: 3, probeFirstMs: 100, probeMaxMs: 400 };

describe('the outage watch', () => {
  it('reads no answer (refused, timeout, broken connection) and 5xx as unanswered; any other answer as the provider there', () => {
    for (const result of ['refused', 'timeout', 'network', 500, 502, 503, 504])
      expect(isUnanswered(result)).toBe(true);
    for (const result of [200, 201, 400, 401, 409, 422, 429, 'redirect'])
      expect(isUnanswered(result)).toBe(false);
  });

  it('calls it an outage only after enough failures over enough time, with no answer between', () => {
    let now = 10_000;
    const watch = createOutageWatch(policy, () => now);
    watch.attempt('refused');
    watch.attempt(503);
    now += 1_000;
    expect(watch.isOutage()).toBe(false); // two failures: one slow request is not an outage
    watch.attempt('timeout');
    expect(watch.isOutage()).toBe(true);
    expect(watch.since()).toBe(10_000);
  });

  it('is cleared by one answer, as under a passing fault (a 5xx now and then)', () => {
    let now = 0;
    const watch = createOutageWatch(policy, () => now);
    for (let step = 0; step < 10; step += 1) {
      watch.attempt(500);
      now += 400;
      watch.attempt(step % 2 === 0 ? 201 : 'timeout');
    }
    expect(watch.isOutage()).toBe(false);
    watch.reset();
    expect(watch.since()).toBeNull();
  });
});
