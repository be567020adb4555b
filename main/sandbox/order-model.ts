import { z } from 'zod';
import { deliveryTypes } from './catalog-product.ts';

/**
 * An order as the sandbox stores it (in memory and in the state file): camelCase, money in cents.
 * The schema is the single source of the types and also checks a state file before it is trusted.
 */
export const orderStatuses = ['Pending', 'Completed', 'Failed'] as const;
export type OrderStatus = (typeof orderStatuses)[number];

const cents = z.int();
const optionalText = z.string().nullable();

const claimSchema = z.object({
  id: z.string(),
  /** The secret part of the claim link; the link itself is built from the sandbox's current URL. */
  token: z.string(),
  challengeAnswer: z.string(),
});

export const personalizationSchema = z.object({
  to: optionalText,
  fromName: optionalText,
  fromEmail: optionalText,
  message: optionalText,
  deliveryDate: optionalText,
});

export const digitalAddressSchema = z.object({ email: optionalText, sms: optionalText });

export const physicalAddressSchema = z.object({
  shippingMethodId: z.string(),
  carrierId: optionalText,
  name: z.string(),
  addressLine1: z.string(),
  addressLine2: optionalText,
  city: z.string(),
  state: z.string(),
  zip: z.string(),
  country: z.string(),
});

const lineSchema = z.object({
  id: z.string(),
  productId: z.string(),
  externalId: optionalText,
  valueCents: cents,
  quantity: z.int().positive(),
  costCents: cents,
  status: z.enum(orderStatuses),
  culture: z.string(),
  personalization: personalizationSchema.nullable(),
  digitalDeliveryAddress: digitalAddressSchema.nullable(),
  physicalDeliveryAddress: physicalAddressSchema.nullable(),
  claims: z.array(claimSchema),
});

export const sandboxOrderSchema = z.object({
  id: z.string(),
  poNumber: z.string(),
  type: z.enum(deliveryTypes),
  status: z.enum(orderStatuses),
  /** Where a Pending order ends up, decided at creation (FAIL- PO numbers fail). */
  outcome: z.enum(['Completed', 'Failed']),
  /** Epoch ms when a Pending order settles; null once it has. Stored so timing survives a restart. */
  completesAt: z.number().nullable(),
  note: optionalText,
  createdDate: z.string(),
  webhookUrl: optionalText,
  lines: z.array(lineSchema),
});

export type Personalization = z.infer<typeof personalizationSchema>;
export type DigitalAddress = z.infer<typeof digitalAddressSchema>;
export type PhysicalAddress = z.infer<typeof physicalAddressSchema>;
export type SandboxOrderLine = z.infer<typeof lineSchema>;
export type SandboxOrder = z.infer<typeof sandboxOrderSchema>;
export type Claim = z.infer<typeof claimSchema>;
