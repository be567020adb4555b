import { z } from 'zod';
import { deliveryTypes } from '../../common/catalog/product.ts';
import { wireProductAmountsSchema } from './product-amounts.ts';

/**
 * The provider's responses as they arrive, after lowerCaseKeys (so `Value`, `value` and `VALUE` all
 * read as `value`). Unknown fields are ignored; fields the docs leave uncertain are optional.
 */
const text = z
  .string()
  .nullish()
  .transform((value) => value ?? '');
const decimal = z.number();
/** Ids are strings in the docs; a backend that numbers them is read the same way. */
const idText = z.union([z.string().min(1), z.int().nonnegative()]).transform(String);

export const tokenResponseSchema = z.object({ value: z.string().min(1), expiresin: z.number().positive() });

export const wireProductSchema = z.object({
  ...wireProductAmountsSchema.shape,
  id: z.string().min(1),
  name: z.string(),
  shortdescription: text,
  longdescription: text,
  type: text,
  availabledeliverytypes: z.array(z.string()).nullish(),
  terms: text,
  disclaimer: text,
  redemptionnote: text,
  cost: z.object({ fee: decimal.nullish(), discountpercentage: decimal.nullish() }).nullish(),
  currencycode: text,
  media: z.object({ faceplates: z.array(z.object({ path: z.string().nullish() })).nullish() }).nullish(),
});
export type WireProduct = z.infer<typeof wireProductSchema>;

export const wireClaimSchema = z.object({
  id: idText.nullish(),
  claimlink: z.string().nullish(),
  claimlinkchallengeanswer: z.string().nullish(),
});

export const wireOrderLineSchema = z.object({
  id: idText.nullish(),
  productid: z.string(),
  value: decimal,
  quantity: z.number().int().nullish(),
  cost: decimal.nullish(),
  status: z.string().nullish(),
  claimdata: z.array(wireClaimSchema).nullish(),
});

export const wireOrderSchema = z.object({
  id: idText,
  ponumber: z.string().nullish(),
  type: z.string().nullish(),
  status: z.string().nullish(),
  createddate: z.string().nullish(),
  lineitems: z.array(wireOrderLineSchema).nullish(),
});
export type WireOrder = z.infer<typeof wireOrderSchema>;

export const wireBalanceSchema = z.object({
  available: decimal,
  pending: decimal.nullish(),
  currencycode: text,
});

export const wireShippingMethodSchema = z.object({
  id: z.string(),
  name: text,
  carrierid: text,
});

export const wireInsufficientFundsSchema = z.object({
  available: decimal.nullish(),
  required: decimal.nullish(),
});

export const wireValidationSchema = z.object({
  message: z.string().nullish(),
  errors: z.record(z.string(), z.array(z.string())).nullish(),
});

export const knownDeliveryTypes: readonly string[] = deliveryTypes;
