import { describe, expect, it } from 'vitest';
import { blueHeronBooks, northwindCoffee, trailmarkOutfitters } from '../../test/support/test-catalog.ts';
import type { CreateOrderRequest } from '../api/order-types.ts';
import { orderProblemIn } from './order-problem.ts';

const order = (
  type: CreateOrderRequest['type'],
  productId: string,
  valueCents: number,
): CreateOrderRequest => ({
  type,
  poNumber: 'GB-ABCDEFGH-0001',
  lines: [{ productId, valueCents, quantity: 1 }],
});

describe('orderProblemIn', () => {
  const problemOf = orderProblemIn([northwindCoffee, trailmarkOutfitters, blueHeronBooks]);

  it('accepts an order the catalog still offers, whatever the id casing', () => {
    expect(problemOf(order('DigitalDelivery', 'northwind-coffee', 2_500))).toBeUndefined();
    expect(problemOf(order('Links', 'TRAILMARK-OUTFITTERS', 1_234))).toBeUndefined();
  });

  it('names a product that left the catalog, a delivery type no longer offered, and an amount', () => {
    expect(problemOf(order('DigitalDelivery', 'GONE-BRAND', 2_500))).toBe(
      "product GONE-BRAND is no longer in the provider's catalog.",
    );
    expect(problemOf(order('Links', 'BLUEHERON-BOOKS', 2_500))).toBe(
      `${blueHeronBooks.name} no longer offers this delivery type.`,
    );
    expect(problemOf(order('DigitalDelivery', 'NORTHWIND-COFFEE', 3_000))).toContain('is not offered for');
  });
});
