import { describe, expect, it } from 'vitest';
import { cellText } from './cell-text.ts';

describe('cellText', () => {
  it('shows numbers without float noise, grouping or exponents', () => {
    expect(cellText(25)).toBe('25');
    expect(cellText(25.5)).toBe('25.5');
    expect(cellText(19.899999999999999)).toBe('19.9');
    expect(cellText(0.1 + 0.2)).toBe('0.3');
    expect(cellText(15551234567)).toBe('15551234567');
    expect(cellText(1e21)).toBe('1000000000000000000000');
    expect(cellText(0.0000001)).toBe('0.0000001');
    expect(cellText(-12.5)).toBe('-12.5');
  });

  it('cannot bring back a leading zero the number never had', () => {
    expect(cellText(2134)).toBe('2134');
  });

  it('pads a whole number with zeros as an all-zeros format shows it', () => {
    expect(cellText(2134, 5)).toBe('02134');
    expect(cellText(42, 10)).toBe('0000000042');
    expect(cellText(-42, 5)).toBe('-00042');
    expect(cellText(15551234567, 10)).toBe('15551234567');
    // A fraction is left as General shows it: zero-only formats are for ZIPs and IDs.
    expect(cellText(2134.5, 5)).toBe('2134.5');
    expect(cellText('2134', 5)).toBe('2134');
  });

  it('keeps strings exactly', () => {
    expect(cellText('02134')).toBe('02134');
    expect(cellText('+15551234567')).toBe('+15551234567');
    expect(cellText('  spaced  ')).toBe('  spaced  ');
  });

  it('writes dates as ISO, with the time only when there is one', () => {
    expect(cellText(new Date('2024-01-01T00:00:00Z'))).toBe('2024-01-01');
    expect(cellText(new Date('2025-01-01T12:00:00Z'))).toBe('2025-01-01 12:00:00');
  });

  it('writes booleans as a spreadsheet does and empties as nothing', () => {
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(false)).toBe('FALSE');
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
    expect(cellText(Number.NaN)).toBe('');
    expect(cellText(new Date(Number.NaN))).toBe('');
  });
});
