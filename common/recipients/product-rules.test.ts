import { describe, expect, it } from 'vitest';
import { amountProblem, plainAmount, productRule } from './product-rules.ts';
import { blueHeronBooks, northwindCoffee, trailmarkOutfitters } from '../../test/support/test-catalog.ts';

describe('productRule and amountProblem', () => {
  const coffee = productRule(northwindCoffee, 'DigitalDelivery');
  const outfitters = productRule(trailmarkOutfitters, 'DigitalDelivery');

  it('accepts exactly the fixed denominations', () => {
    expect(amountProblem(coffee, 2500, 'Amount')).toBeUndefined();
    expect(amountProblem(coffee, 3000, 'Amount')).toBe(
      'Amount 30 is not offered for Northwind Coffee: choose 10, 25 or 50.',
    );
    expect(amountProblem(coffee, 2501, 'Amount')).toContain('Amount 25.01 is not offered');
  });

  it('accepts a variable amount inside the range, ends included', () => {
    expect(amountProblem(outfitters, 500, 'Amount')).toBeUndefined();
    expect(amountProblem(outfitters, 12_345, 'Amount')).toBeUndefined();
    expect(amountProblem(outfitters, 50_000, 'Amount')).toBeUndefined();
    expect(amountProblem(outfitters, 499, 'Amount')).toBe(
      'Amount 4.99 is outside the range for Trailmark Outfitters: choose between 5 and 500.',
    );
    expect(amountProblem(outfitters, 50_001, 'Amount')).toContain('outside the range');
  });

  it('knows which delivery types a product supports', () => {
    expect(productRule(blueHeronBooks, 'DigitalDelivery').supportsDeliveryType).toBe(true);
    expect(productRule(blueHeronBooks, 'Links').supportsDeliveryType).toBe(false);
  });

  it('lists unsorted or repeated denominations once, in order', () => {
    const shuffled = {
      ...northwindCoffee,
      denominations: { kind: 'fixed' as const, valuesCents: [5000, 1000, 5000] },
    };
    expect(productRule(shuffled, 'Links').choices).toBe('choose 10 or 50');
  });
});

describe('plainAmount', () => {
  it.each([
    [2500, '25'],
    [2550, '25.50'],
    [5, '0.05'],
    [125_000, '1250'],
  ])('%i cents is %s', (cents, text) => {
    expect(plainAmount(cents)).toBe(text);
  });

  it('refuses every amount for a product whose amounts could not be read, saying why', () => {
    const unreadable = productRule(
      {
        ...trailmarkOutfitters,
        denominations: { kind: 'unreadable', problem: 'MinValue is given without MaxValue' },
      },
      'DigitalDelivery',
    );
    expect(amountProblem(unreadable, 2500, 'Amount')).toBe(
      "Amount 25 cannot be checked for Trailmark Outfitters: the provider's catalog states its amounts in a way GiftBatch could not read (MinValue is given without MaxValue); refresh the catalog, or choose another product.",
    );
  });
});
