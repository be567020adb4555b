import type { RecipientField } from './fields.ts';

/**
 * Header spellings seen in real spreadsheets, per field. Headers are compared after `headerKey`
 * (lower case, letters and digits only), so "E-mail Address" and "email_address" are the same.
 */
export const columnAliases: Record<RecipientField, readonly string[]> = {
  first_name: ['first name', 'firstname', 'first', 'given name', 'forename', 'fname'],
  last_name: ['last name', 'lastname', 'last', 'surname', 'family name', 'lname'],
  name: ['name', 'full name', 'recipient', 'recipient name', 'employee name', 'to', 'customer name'],
  email: ['email', 'e-mail', 'email address', 'e-mail address', 'mail', 'recipient email', 'work email'],
  sms: [
    'sms',
    'mobile',
    'mobile phone',
    'mobile number',
    'cell',
    'cell phone',
    'phone',
    'phone number',
    'text',
  ],
  product_id: ['product', 'product id', 'productid', 'product code', 'card', 'gift card', 'brand', 'sku'],
  amount: [
    'amount',
    'value',
    'face value',
    'gift amount',
    'bonus',
    'bonus ($)',
    'reward',
    'reward amount',
    'amount ($)',
    'usd',
    'denomination',
  ],
  quantity: ['quantity', 'qty', 'count', 'number of cards', 'links'],
  message: ['message', 'note', 'personal message', 'greeting', 'gift message'],
  from_name: ['from', 'from name', 'sender', 'sender name', 'signed'],
  from_email: ['from email', 'sender email', 'sender email address', 'from email address', 'reply to'],
  address_line1: ['address', 'address 1', 'address line 1', 'street', 'street address', 'address1'],
  address_line2: ['address 2', 'address line 2', 'apt', 'suite', 'unit', 'address2'],
  city: ['city', 'town'],
  state: ['state', 'province', 'region', 'st'],
  zip: ['zip', 'zip code', 'zipcode', 'postal code', 'zip/postal code', 'postcode'],
  country: ['country', 'country code'],
  shipping_method: ['shipping', 'shipping method', 'ship method', 'delivery method'],
  reference: [
    'reference',
    'ref',
    'employee id',
    'employee number',
    'staff id',
    'customer id',
    'id',
    'external id',
  ],
};

/** "E-mail Address" → "emailaddress": the form headers and aliases are compared in. */
export const headerKey = (header: string): string => header.toLowerCase().replace(/[^a-z0-9]/g, '');
