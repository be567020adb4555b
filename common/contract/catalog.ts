import { z } from 'zod';
import { productSchema } from '../catalog/product.ts';
import { defineCall } from './define.ts';

export const catalogSchema = z.object({
  products: z.array(productSchema),
  fetchedAt: z.string(),
  source: z.enum(['cache', 'provider']),
});
export type Catalog = z.infer<typeof catalogSchema>;

export const catalogGet = defineCall({ method: 'getCatalog', input: z.undefined(), output: catalogSchema });
export const catalogRefresh = defineCall({
  method: 'refreshCatalog',
  input: z.undefined(),
  output: catalogSchema,
});
