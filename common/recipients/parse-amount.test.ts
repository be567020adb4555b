import { describe, expect, it } from 'vitest';
import { parseAmount } from './parse-amount.ts';

describe('parseAmount', () => {
  it.each([
    ['$1,250.00', 125_000],
    ['1250', 125_000],
    ['25', 2_500],
    ['25.5', 2_550],
    ['25.50', 2_550],
    [' 25 ', 2_500],
    ['USD 25', 2_500],
    ['25 USD', 2_500],
    ['25usd', 2_500],
    ['US$ 25', 2_500],
    ['$ 25', 2_500],
    ['0.29', 29],
    ['.5', 50],
    ['1,000,000', 100_000_000],
  ])('reads %j as %i cents', (text, cents) => {
    expect(parseAmount(text)).toEqual({ ok: true, value: cents });
  });

  it('says how many decimals are allowed, quoting the amount', () => {
    expect(parseAmount('25.555')).toEqual({ ok: false, error: 'Amounts have at most 2 decimals: 25.555' });
  });

  it.each(['1.250,00', '25,50', '25,5'])('refuses the decimal comma in %j and shows the fix', (text) => {
    const result = parseAmount(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/uses a comma as the decimal mark: write it as \d+\.\d+\.$/);
  });

  it('rewrites a European amount the way it should be typed', () => {
    expect(parseAmount('1.250,00')).toEqual({
      ok: false,
      error: 'Amount 1.250,00 uses a comma as the decimal mark: write it as 1250.00.',
    });
  });

  it.each(['-25', '$-25', '-$25', '−25', '(25)', '($25.00)', 'USD -25'])(
    'refuses the negative amount %j',
    (text) => {
      const result = parseAmount(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toContain('cannot be negative');
    },
  );

  it.each(['', '   '])('refuses an empty amount %j', (text) => {
    expect(parseAmount(text)).toEqual({
      ok: false,
      error: 'Amount is missing: enter a value such as 25 or 25.50.',
    });
  });

  it.each(['twenty', 'abc-1', '25 dollars', '€25', '2.5e1', '1 250', '12,50,000', '$', '.', '25..5'])(
    'refuses %j as not a number',
    (text) => {
      const result = parseAmount(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toContain('is not a number');
    },
  );

  it('refuses zero and amounts too large to count in cents exactly', () => {
    expect(parseAmount('0.00')).toEqual({
      ok: false,
      error: 'Amount 0.00 is zero: enter a value such as 25 or 25.50.',
    });
    expect(parseAmount('99999999999999999').ok).toBe(false);
  });
});
