import { describe, expect, it } from 'vitest';
import { checkStartTime, formatStartTime, lateAfterMs, scheduleStateAt } from './schedule.ts';

const nine = Date.parse('2026-12-24T09:00:00.000Z');

describe('scheduleStateAt', () => {
  it('waits before the start time, is due at it and for five minutes after, then is late', () => {
    const at = '2026-12-24T09:00:00.000Z';
    expect(scheduleStateAt(at, nine - 1)).toBe('waiting');
    expect(scheduleStateAt(at, nine)).toBe('due');
    expect(scheduleStateAt(at, nine + lateAfterMs)).toBe('due');
    expect(scheduleStateAt(at, nine + lateAfterMs + 1)).toBe('late');
  });
});

describe('checkStartTime', () => {
  it('stores a time with an offset as UTC', () => {
    expect(checkStartTime('2026-12-24T10:00:00+01:00', nine - 3_600_000)).toEqual({
      ok: true,
      value: '2026-12-24T09:00:00.000Z',
    });
  });

  it('refuses what is not a time, a time past by more than a minute, and one more than a year ahead', () => {
    expect(checkStartTime('next Tuesday', nine)).toEqual({
      ok: false,
      error: '"next Tuesday" is not a date and time.',
    });
    expect(checkStartTime('2026-12-24T08:58:00.000Z', nine)).toEqual({
      ok: false,
      error: 'Choose a start time in the future.',
    });
    expect(checkStartTime('2026-12-24T08:59:30.000Z', nine).ok).toBe(true);
    expect(checkStartTime('2028-01-01T09:00:00.000Z', nine)).toEqual({
      ok: false,
      error: 'Choose a start time within a year.',
    });
  });
});

describe('formatStartTime', () => {
  it('gives the weekday, day, month and 24-hour time, and the year only when it is not this one', () => {
    expect(formatStartTime('2026-12-24T09:00:00Z', nine)).toMatch(/^\w{3} \d{1,2} \w{3}, \d{2}:\d{2}$/);
    expect(formatStartTime('2027-01-05T09:00:00Z', nine)).toMatch(/^\w{3} \d{1,2} \w{3} 2027, \d{2}:\d{2}$/);
  });
});
