import type { Product } from '../../common/catalog/product.ts';
import { amountProblem, productRule } from '../../common/recipients/product-rules.ts';
import type { CreateOrderRequest } from '../api/order-types.ts';

/**
 * The catalog checks of validation (common/recipients), applied again to a stored order just before
 * it is sent: the product still exists, still offers this delivery type and this amount.
 */
export const orderProblemIn = (catalog: readonly Product[]) => {
  const byId = new Map(catalog.map((product) => [product.id.toUpperCase(), product]));
  return (request: CreateOrderRequest): string | undefined => {
    for (const line of request.lines) {
      const product = byId.get(line.productId.toUpperCase());
      if (product === undefined) return `product ${line.productId} is no longer in the provider's catalog.`;
      const rule = productRule(product, request.type);
      if (!rule.supportsDeliveryType) return `${product.name} no longer offers this delivery type.`;
      const amount = amountProblem(rule, line.valueCents, 'Amount');
      if (amount !== undefined) return amount;
    }
    return undefined;
  };
};
