import { describe, expect, it } from 'vitest';
import {
  describeTimeZone,
  describeUntil,
  startTimeFromInput,
  suggestedStartMs,
  toLocalInputValue,
} from './start-time-format.ts';

const now = Date.parse('2026-12-24T06:00:00Z');
const minute = 60_000;

describe('the start time typed in Review', () => {
  it('reads the local date and time the input holds as the same instant, stored in UTC', () => {
    const start = now + 3 * 60 * minute;
    const read = startTimeFromInput(toLocalInputValue(start), now);
    expect(read).toEqual({ ok: true, value: new Date(start).toISOString() });
  });

  it('refuses an empty or partial value, a past time and one more than a year ahead, with the reason', () => {
    expect(startTimeFromInput('', now)).toEqual({ ok: false, error: 'Choose a date and a time.' });
    expect(startTimeFromInput('2026-12-24', now)).toEqual({ ok: false, error: 'Choose a date and a time.' });
    expect(startTimeFromInput(toLocalInputValue(now - 10 * minute), now)).toEqual({
      ok: false,
      error: 'Choose a start time in the future.',
    });
    expect(startTimeFromInput(toLocalInputValue(now + 400 * 24 * 60 * minute), now)).toEqual({
      ok: false,
      error: 'Choose a start time within a year.',
    });
  });

  it('suggests the next whole hour at least ten minutes away', () => {
    const suggested = suggestedStartMs(Date.parse('2026-12-24T06:55:00Z'));
    expect(new Date(suggested).getMinutes()).toBe(0);
    expect(suggested - Date.parse('2026-12-24T06:55:00Z')).toBeGreaterThanOrEqual(10 * minute);
    expect(suggested - Date.parse('2026-12-24T06:55:00Z')).toBeLessThanOrEqual(70 * minute);
  });
});

describe('how a start time is said', () => {
  it('names the zone and its offset at that time', () => {
    expect(describeTimeZone(now)).toMatch(/^[\w/+-]+, UTC[+-]\d{2}:\d{2}$/);
  });

  it('says how far away it is, or how long ago it passed', () => {
    expect(describeUntil('2026-12-24T09:00:00Z', now)).toBe('in 3 hours');
    expect(describeUntil('2026-12-24T06:12:30Z', now)).toBe('in 12 minutes');
    expect(describeUntil('2026-12-24T06:00:20Z', now)).toBe('in under a minute');
    expect(describeUntil('2026-12-27T06:00:00Z', now)).toBe('in 3 days');
    expect(describeUntil('2026-12-24T05:40:00Z', now)).toBe('20 minutes ago');
  });
});
