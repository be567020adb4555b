import { describe, expect, it } from 'vitest';
import { describeCharged, describeChargedUnknown } from './charged-cost.ts';

const cost = {
  chargedCostCents: 18_000,
  chargedUnknownCostCents: 0,
  chargedUnknownRows: 0,
  currencyCode: 'USD',
};

describe('the charged cost in words', () => {
  it('is the charged cost alone while every order is known', () => {
    expect(describeCharged(cost)).toBe('$180.00 charged');
    expect(describeChargedUnknown(cost)).toBeUndefined();
  });

  it('names the charged-unknown part beside it, and what to do', () => {
    const unknown = { ...cost, chargedUnknownCostCents: 2_500, chargedUnknownRows: 1 };
    expect(describeCharged(unknown)).toBe('$180.00 charged, $25.00 charged-unknown');
    expect(describeChargedUnknown(unknown)).toBe(
      "Charged-unknown: 1 row ($25.00) may have been charged by the provider without GiftBatch knowing the order; check its PO number in the provider's portal.",
    );
    expect(describeChargedUnknown({ ...unknown, chargedUnknownRows: 2 })).toContain('2 rows');
  });
});
