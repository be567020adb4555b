import type { DeliveryType, Product } from '../catalog/product.ts';
import type { Cents } from '../money.ts';
import { orList } from './or-list.ts';

/** What a product allows, worked out once per batch rather than once per row. */
export interface ProductRule {
  readonly product: Product;
  readonly supportsDeliveryType: boolean;
  /** Fixed products: the face values. Null for variable products, which use the range. */
  readonly allowedCents: ReadonlySet<Cents> | null;
  readonly minCents: Cents;
  readonly maxCents: Cents;
  /** "choose 10, 25 or 50" / "choose between 5 and 500": the fix half of an amount message. */
  readonly choices: string;
}

export const productRule = (product: Product, deliveryType: DeliveryType): ProductRule => {
  const supportsDeliveryType = product.deliveryTypes.includes(deliveryType);
  const denominations = product.denominations;
  switch (denominations.kind) {
    case 'fixed': {
      const values = [...new Set(denominations.valuesCents)].sort((a, b) => a - b);
      return {
        product,
        supportsDeliveryType,
        allowedCents: new Set(values),
        minCents: values[0] ?? 0,
        maxCents: values.at(-1) ?? 0,
        choices:
          values.length === 0
            ? 'this product has no amounts on offer'
            : `choose ${orList(values.map(plainAmount))}`,
      };
    }
    case 'variable':
      return {
        product,
        supportsDeliveryType,
        allowedCents: null,
        minCents: denominations.minCents,
        maxCents: denominations.maxCents,
        choices: `choose between ${plainAmount(denominations.minCents)} and ${plainAmount(denominations.maxCents)}`,
      };
    case 'unreadable':
      return {
        product,
        supportsDeliveryType,
        allowedCents: new Set(),
        minCents: 0,
        maxCents: 0,
        choices: `the provider's catalog states its amounts in a way GiftBatch could not read (${denominations.problem}); refresh the catalog, or choose another product`,
      };
    default: {
      const unexpected: never = denominations;
      throw new Error(`Unknown denomination kind in ${JSON.stringify(unexpected)}`);
    }
  }
};

/** Why this amount cannot be sent for this product, or undefined when it can. */
export const amountProblem = (rule: ProductRule, cents: Cents, amountLabel: string): string | undefined => {
  const isAllowed =
    rule.allowedCents === null
      ? cents >= rule.minCents && cents <= rule.maxCents
      : rule.allowedCents.has(cents);
  if (isAllowed) return undefined;
  if (rule.product.denominations.kind === 'unreadable') {
    return `${amountLabel} ${plainAmount(cents)} cannot be checked for ${rule.product.name}: ${rule.choices}.`;
  }
  const what = rule.allowedCents === null ? 'outside the range' : 'not offered';
  return `${amountLabel} ${plainAmount(cents)} is ${what} for ${rule.product.name}: ${rule.choices}.`;
};

/** 2500 → "25", 2550 → "25.50": how people write amounts, without a currency mark. */
export const plainAmount = (cents: Cents): string => {
  const whole = Math.floor(cents / 100);
  const rest = cents % 100;
  return rest === 0 ? String(whole) : `${String(whole)}.${String(rest).padStart(2, '0')}`;
};
