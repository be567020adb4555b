import { describe, expect, it } from 'vitest';
import { formatInstant, formatOptionalInstant } from './format-instant.ts';

describe('formatInstant', () => {
  it('writes an ISO string with any offset as the same moment in UTC with +00:00', () => {
    expect(formatInstant('2026-12-02T04:26:16.000+01:00')).toBe('2026-12-02T03:26:16.000+00:00');
    expect(formatInstant('2026-12-02T03:26:16Z')).toBe('2026-12-02T03:26:16.000+00:00');
    expect(formatInstant('2026-12-01T22:26:16.5-05:00')).toBe('2026-12-02T03:26:16.500+00:00');
  });

  it('reads numbers as epoch milliseconds', () => {
    expect(formatInstant(Date.UTC(2026, 11, 2, 3, 26, 16))).toBe('2026-12-02T03:26:16.000+00:00');
    expect(formatInstant(0)).toBe('1970-01-01T00:00:00.000+00:00');
  });

  it('writes a moment that has not happened as an empty cell', () => {
    expect(formatOptionalInstant(null)).toBe('');
  });

  it('refuses a value that is no moment, since the ledger never holds one', () => {
    expect(() => formatInstant('yesterday')).toThrow('Not a moment: yesterday');
  });
});
