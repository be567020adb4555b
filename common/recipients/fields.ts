import type { DeliveryType } from '../catalog/product.ts';

/** The canonical recipient fields: one definition for the grid, import mapping, validation and the CLI. */
export const recipientFields = [
  'first_name',
  'last_name',
  'name',
  'email',
  'sms',
  'product_id',
  'amount',
  'quantity',
  'message',
  'from_name',
  'from_email',
  'address_line1',
  'address_line2',
  'city',
  'state',
  'zip',
  'country',
  'shipping_method',
  'reference',
] as const;
export type RecipientField = (typeof recipientFields)[number];

export const isRecipientField = (value: string): value is RecipientField =>
  (recipientFields as readonly string[]).includes(value);

/**
 * A row as the user typed, pasted or imported it: text per field, never reformatted in place, so nothing
 * the user entered is lost. Normalised values (cents, E.164, lower-cased email) come from validation.
 */
export type RecipientRow = Partial<Record<RecipientField, string>>;

export const fieldLabels: Record<RecipientField, string> = {
  first_name: 'First name',
  last_name: 'Last name',
  name: 'Name',
  email: 'Email',
  sms: 'Mobile (SMS)',
  product_id: 'Product',
  amount: 'Amount',
  quantity: 'Quantity',
  message: 'Message',
  from_name: 'From name',
  from_email: 'From email',
  address_line1: 'Address line 1',
  address_line2: 'Address line 2',
  city: 'City',
  state: 'State',
  zip: 'ZIP',
  country: 'Country',
  shipping_method: 'Shipping method',
  reference: 'Reference',
};

/** Which columns the grid shows for a delivery type, in order. */
export const fieldsForDeliveryType: Record<DeliveryType, readonly RecipientField[]> = {
  DigitalDelivery: [
    'first_name',
    'last_name',
    'email',
    'sms',
    'product_id',
    'amount',
    'message',
    'from_name',
    'reference',
  ],
  Links: ['first_name', 'last_name', 'email', 'product_id', 'amount', 'quantity', 'message', 'reference'],
  PhysicalShipment: [
    'first_name',
    'last_name',
    'product_id',
    'amount',
    'address_line1',
    'address_line2',
    'city',
    'state',
    'zip',
    'country',
    'shipping_method',
    'message',
    'from_name',
    'reference',
  ],
};

/** Batch-level values every row inherits unless it has its own. */
export interface BatchDefaults {
  readonly product_id?: string;
  readonly amount?: string;
  readonly message?: string;
  readonly from_name?: string;
}
