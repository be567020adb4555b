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

/** What filling each field does, in words, for the mapping step: where it ends up on the card or order. */
export const fieldDescriptions: Record<RecipientField, string> = {
  first_name: 'On the card with Last name ("To: First Last"), unless Name is filled',
  last_name: 'On the card after First name, unless Name is filled',
  name: 'Replaces First and Last name on the card ("To: …"); {first_name} in the message uses it only when First name is empty',
  email: 'Where the card is emailed',
  sms: 'Texts the card: alone when the row has no email, as well as the email when it has one',
  product_id: 'Which gift card (else the batch default)',
  amount: 'The card value (else the batch default)',
  quantity: 'How many cards or claim links (else 1)',
  message: 'The personal message; {first_name}, {last_name} and {amount} are filled per row',
  from_name: 'Who the card says it is from (else the batch default)',
  from_email: "The sender's email on the card",
  address_line1: 'Shipping address, first line',
  address_line2: 'Shipping address, second line',
  city: 'Shipping address: city',
  state: 'Shipping address: state',
  zip: 'Shipping address: ZIP',
  country: 'Shipping address: country',
  shipping_method: 'How a physical card ships',
  reference: 'Your own id for the row (employee id): kept in the record, not on the card',
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
