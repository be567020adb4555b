import { z } from 'zod';

/**
 * The shape of a POST /v1/Orders body after its keys were lower-cased (docs/provider-api.md §13.2: property names
 * are case-insensitive on input). Only types are checked here; the rules of docs/provider-api.md §13.6 are in
 * order-validation.ts, so a missing field gets a sentence rather than a schema message.
 */
const text = z.string().nullish();

export const requestLineSchema = z.object({
  productid: text,
  value: z.number().nullish(),
  quantity: z.number().nullish(),
  externalid: text,
  culture: text,
  digitaldeliveryaddress: z.object({ email: text, sms: text }).nullish(),
  physicaldeliveryaddress: z
    .object({
      shippingmethodid: text,
      carrierid: text,
      name: text,
      addressline1: text,
      addressline2: text,
      city: text,
      state: text,
      zip: text,
      country: text,
    })
    .nullish(),
  personalization: z
    .object({ to: text, fromname: text, fromemail: text, message: text, deliverydate: text })
    .nullish(),
});
export type RequestLine = z.infer<typeof requestLineSchema>;
export type RequestPhysicalAddress = NonNullable<RequestLine['physicaldeliveryaddress']>;

export type AddError = (path: readonly PropertyKey[], reason: string) => void;

export const isBlank = (value: string | null | undefined): value is null | undefined | '' =>
  value === null || value === undefined || value.trim() === '';

export const requestOrderSchema = z.object({
  type: text,
  ponumber: text,
  note: text,
  // Lines are parsed one by one so each error names its line.
  lineitems: z.array(z.unknown()).nullish(),
  webhooksettings: z.object({ fulfillmentcomplete: text }).nullish(),
});

/** The documented PascalCase spelling of every request property, for error field names. */
export const pascalNames: Readonly<Record<string, string>> = {
  type: 'Type',
  ponumber: 'PONumber',
  note: 'Note',
  lineitems: 'LineItems',
  webhooksettings: 'WebhookSettings',
  fulfillmentcomplete: 'FulfillmentComplete',
  productid: 'ProductId',
  value: 'Value',
  quantity: 'Quantity',
  externalid: 'ExternalId',
  culture: 'Culture',
  digitaldeliveryaddress: 'DigitalDeliveryAddress',
  email: 'Email',
  sms: 'Sms',
  physicaldeliveryaddress: 'PhysicalDeliveryAddress',
  shippingmethodid: 'ShippingMethodId',
  carrierid: 'CarrierId',
  name: 'Name',
  addressline1: 'AddressLine1',
  addressline2: 'AddressLine2',
  city: 'City',
  state: 'State',
  zip: 'Zip',
  country: 'Country',
  personalization: 'Personalization',
  to: 'To',
  fromname: 'FromName',
  fromemail: 'FromEmail',
  message: 'Message',
  deliverydate: 'DeliveryDate',
};

/** ['lineitems', 0, 'value'] → "LineItems[0].Value", the .NET way of naming a field in an error. */
export const fieldName = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((name, segment) => {
    if (typeof segment === 'number') return `${name}[${segment}]`;
    const key = String(segment);
    const pascal = pascalNames[key] ?? key;
    return name === '' ? pascal : `${name}.${pascal}`;
  }, '');
