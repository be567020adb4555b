import type { Product } from '../catalog/product.ts';
import { describeUnitCost, unitCostCents, type Cents } from '../money.ts';
import type { ValidatedRecipient } from '../recipients/validation-types.ts';

/** What a group of rows, or the whole batch, adds up to. */
interface CostTotals {
  readonly cards: number;
  readonly rows: number;
  readonly faceTotalCents: Cents;
  readonly feesCents: Cents;
  readonly discountsCents: Cents;
  readonly costCents: Cents;
}

/** One product at one face value: the unit of the review table. */
export interface CostGroup extends CostTotals {
  readonly productId: string;
  readonly productName: string;
  readonly faceValueCents: Cents;
  /** "$25.00 × (1 − 2.5 %) + $0.50 fee = $24.88 per card": how the cost was worked out. */
  readonly formula: string;
}

export interface CostSummary extends CostTotals {
  readonly groups: readonly CostGroup[];
  readonly currencyCode: string;
}

/**
 * What a batch will cost, per product and face value, with the same unit-cost rule (common/money.ts)
 * the sandbox charges and the engine will record: face value less discount, rounded to the cent, plus fee.
 */
export const summariseCost = (
  recipients: readonly ValidatedRecipient[],
  catalog: ReadonlyMap<string, Product>,
): CostSummary => {
  const groups = new Map<string, { product: Product; faceValueCents: Cents; cards: number; rows: number }>();
  for (const recipient of recipients) {
    const product = catalog.get(recipient.productId);
    if (product === undefined) continue;
    const key = `${product.id}\u0000${String(recipient.amountCents)}`;
    const group = groups.get(key) ?? { product, faceValueCents: recipient.amountCents, cards: 0, rows: 0 };
    group.cards += recipient.quantity;
    group.rows += 1;
    groups.set(key, group);
  }
  const costGroups = [...groups.values()]
    .map(({ product, faceValueCents, cards, rows }): CostGroup => {
      const unit = unitCostCents(faceValueCents, product.cost);
      const feesCents = product.cost.feeCents * cards;
      const costCents = unit * cards;
      return {
        productId: product.id,
        productName: product.name,
        faceValueCents,
        cards,
        rows,
        faceTotalCents: faceValueCents * cards,
        feesCents,
        discountsCents: faceValueCents * cards + feesCents - costCents,
        costCents,
        formula: describeUnitCost(faceValueCents, product.cost, product.currencyCode),
      };
    })
    .sort((a, b) => a.productName.localeCompare(b.productName) || a.faceValueCents - b.faceValueCents);
  const sum = (pick: (group: CostGroup) => number) =>
    costGroups.reduce((total, group) => total + pick(group), 0);
  return {
    groups: costGroups,
    cards: sum((group) => group.cards),
    rows: sum((group) => group.rows),
    faceTotalCents: sum((group) => group.faceTotalCents),
    feesCents: sum((group) => group.feesCents),
    discountsCents: sum((group) => group.discountsCents),
    costCents: sum((group) => group.costCents),
    currencyCode: catalog.values().next().value?.currencyCode ?? 'USD',
  };
};
