import { z } from 'zod';

export const deliveryTypes = ['DigitalDelivery', 'Links', 'PhysicalShipment'] as const;
export const deliveryTypeSchema = z.enum(deliveryTypes);
export type DeliveryType = z.infer<typeof deliveryTypeSchema>;

const centsSchema = z.number().int();

/**
 * Fixed products list their face values; variable ones accept any value in a range; `unreadable` ones
 * stated their amounts in a way GiftBatch could not read, and say why (docs/provider-api.md §13.4).
 */
export const denominationsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fixed'), valuesCents: z.array(centsSchema) }),
  z.object({ kind: z.literal('variable'), minCents: centsSchema, maxCents: centsSchema }),
  z.object({ kind: z.literal('unreadable'), problem: z.string() }),
]);
export type Denominations = z.infer<typeof denominationsSchema>;

/** A catalog product as GiftBatch uses it: the provider's fields, money in cents, names in camelCase. */
export const productSchema = z.object({
  id: z.string(),
  name: z.string(),
  shortDescription: z.string(),
  longDescription: z.string(),
  /** "Digital" or "Physical" today; kept as text so a new kind from the provider does not break the app. */
  productType: z.string(),
  denominations: denominationsSchema,
  deliveryTypes: z.array(deliveryTypeSchema),
  terms: z.string(),
  disclaimer: z.string(),
  redemptionNote: z.string(),
  cost: z.object({ feeCents: centsSchema, discountPercentage: z.number() }),
  currencyCode: z.string(),
  faceplateUrl: z.string().nullable(),
});
export type Product = z.infer<typeof productSchema>;
