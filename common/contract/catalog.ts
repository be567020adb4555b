import { z } from 'zod';
import { productSchema } from '../catalog/product.ts';
import { defineCall } from './define.ts';

export const catalogSchema = z.object({
  products: z.array(productSchema),
  fetchedAt: z.string(),
  source: z.enum(['cache', 'provider']),
});
export type Catalog = z.infer<typeof catalogSchema>;

/** A way the provider ships physical cards (docs/provider-api.md §11). */
export const shippingMethodSchema = z.object({ id: z.string(), name: z.string(), carrierId: z.string() });

/** The provider's shipping methods, in its order: what a physical card's Shipping method cell may say. */
export const catalogShippingMethods = defineCall({
  method: 'getShippingMethods',
  input: z.undefined(),
  output: z.array(shippingMethodSchema),
});

export const catalogGet = defineCall({ method: 'getCatalog', input: z.undefined(), output: catalogSchema });
export const catalogRefresh = defineCall({
  method: 'refreshCatalog',
  input: z.undefined(),
  output: catalogSchema,
});
