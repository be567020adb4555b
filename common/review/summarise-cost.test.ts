import { describe, expect, it } from 'vitest';
import { lineCostCents } from '../money.ts';
import { testCatalog } from '../../test/support/test-catalog.ts';
import type { ValidatedRecipient } from '../recipients/validation-types.ts';
import { summariseCost } from './summarise-cost.ts';

const recipient = (productId: string, amountCents: number, quantity = 1): ValidatedRecipient => ({
  firstName: 'Ana',
  lastName: null,
  name: null,
  fullName: 'Ana',
  email: 'ana@example.com',
  emailKey: 'ana@example.com',
  sms: null,
  productId,
  amountCents,
  quantity,
  message: null,
  fromName: null,
  fromEmail: null,
  address: null,
  reference: null,
});

describe('the cost summary', () => {
  const summary = summariseCost(
    [
      recipient('NORTHWIND-COFFEE', 2_500),
      recipient('NORTHWIND-COFFEE', 2_500),
      recipient('NORTHWIND-COFFEE', 5_000),
      recipient('TRAILMARK-OUTFITTERS', 1_234, 3),
    ],
    testCatalog,
  );

  it('groups by product and face value, counting cards and rows', () => {
    expect(
      summary.groups.map((group) => [group.productId, group.faceValueCents, group.rows, group.cards]),
    ).toEqual([
      ['NORTHWIND-COFFEE', 2_500, 2, 2],
      ['NORTHWIND-COFFEE', 5_000, 1, 1],
      ['TRAILMARK-OUTFITTERS', 1_234, 1, 3],
    ]);
  });

  it('charges what the provider charges per line: the same unit-cost rule, cent for cent', () => {
    const northwind = testCatalog.get('NORTHWIND-COFFEE');
    const trailmark = testCatalog.get('TRAILMARK-OUTFITTERS');
    if (northwind === undefined || trailmark === undefined) throw new Error('test catalog changed');
    expect(summary.costCents).toBe(
      2 * lineCostCents(2_500, 1, northwind.cost) +
        lineCostCents(5_000, 1, northwind.cost) +
        lineCostCents(1_234, 3, trailmark.cost),
    );
    expect(summary.costCents).toBe(4_876 + 4_875 + 3_852);
  });

  it('splits the difference from face value into fees and discounts, and shows its formula', () => {
    expect(summary.faceTotalCents).toBe(2_500 * 2 + 5_000 + 1_234 * 3);
    expect(summary.feesCents).toBe(50 * 3);
    expect(summary.faceTotalCents + summary.feesCents - summary.discountsCents).toBe(summary.costCents);
    expect(summary.groups[0]?.formula).toBe('$25.00 × (1 − 2.5 %) = $24.38 per card');
    expect(summary.groups[2]?.formula).toBe('$12.34 + $0.50 fee = $12.84 per card');
  });

  it('is empty for no recipients', () => {
    expect(summariseCost([], testCatalog)).toMatchObject({ groups: [], cards: 0, costCents: 0 });
  });
});
