import { describe, expect, it } from 'vitest';
import {
  centsToDecimal,
  centsToDecimalString,
  decimalToCents,
  decimalToCentsRounded,
  describeUnitCost,
  formatCents,
  lineCostCents,
  unitCostCents,
} from './money.ts';

describe('decimal ↔ cents at the API boundary', () => {
  it.each([
    [25, 2500],
    [25.5, 2550],
    [48.75, 4875],
    [0.1 + 0.2, 30],
    [10000, 1_000_000],
    [0, 0],
    [-12.34, -1234],
  ])('%s is %s cents', (decimal, cents) => {
    expect(decimalToCents(decimal)).toBe(cents);
  });

  it.each([25.555, 0.001, Number.NaN, Number.POSITIVE_INFINITY])(
    '%s is not a whole number of cents',
    (decimal) => {
      expect(decimalToCents(decimal)).toBeUndefined();
    },
  );

  it('rounds a sub-cent decimal half away from zero, despite binary representation', () => {
    expect(decimalToCentsRounded(0.285)).toBe(29);
    expect(decimalToCentsRounded(1.005)).toBe(101);
    expect(decimalToCentsRounded(-1.005)).toBe(-101);
    expect(decimalToCentsRounded(2.004)).toBe(200);
  });

  it('converts back to the decimal the API expects and to a plain string', () => {
    expect(centsToDecimal(2550)).toBe(25.5);
    expect(centsToDecimalString(123_456)).toBe('1234.56');
    expect(centsToDecimalString(5)).toBe('0.05');
    expect(centsToDecimalString(-5)).toBe('-0.05');
    expect(formatCents(123_456)).toBe('$1,234.56');
  });
});

describe('what a card costs', () => {
  it('is face value less the discount, rounded half up to a cent, plus the fee', () => {
    expect(unitCostCents(2500, { feeCents: 0, discountPercentage: 2.5 })).toBe(2438); // 24.375 → 24.38
    expect(unitCostCents(1000, { feeCents: 0, discountPercentage: 2.5 })).toBe(975);
    expect(unitCostCents(1001, { feeCents: 0, discountPercentage: 3.3 })).toBe(968); // 967.967 → 968
    expect(unitCostCents(5000, { feeCents: 150, discountPercentage: 0 })).toBe(5150);
    expect(unitCostCents(2500, { feeCents: 50, discountPercentage: 2.5 })).toBe(2488);
  });

  it('multiplies the unit cost by the quantity for a line', () => {
    expect(lineCostCents(1000, 5, { feeCents: 0, discountPercentage: 2.5 })).toBe(4875);
  });

  it('explains its formula in words', () => {
    expect(describeUnitCost(2500, { feeCents: 50, discountPercentage: 2.5 })).toBe(
      '$25.00 × (1 − 2.5 %) + $0.50 fee = $24.88 per card',
    );
    expect(describeUnitCost(2500, { feeCents: 0, discountPercentage: 0 })).toBe('$25.00 = $25.00 per card');
  });
});
