import { z } from 'zod';
import type { DigitalAddress, PhysicalAddress } from './order-model.ts';
import {
  fieldName,
  isBlank,
  type AddError,
  type RequestLine,
  type RequestPhysicalAddress,
} from './order-request-schema.ts';
import { isShippingMethodId } from './shipping-methods.ts';

/** The address rules of docs/provider-api.md §13.6 (E.164 SMS numbers, email syntax, complete postal addresses). */
const e164 = /^\+\d{8,15}$/;
const emailSyntax = z.email();

const requiredAddressFields = [
  'name',
  'addressline1',
  'city',
  'state',
  'zip',
  'country',
  'shippingmethodid',
] as const;

export const checkDigitalAddress = (line: RequestLine, fail: AddError): DigitalAddress | undefined => {
  const address = line.digitaldeliveryaddress;
  const email = isBlank(address?.email) ? null : (address?.email ?? null);
  const sms = isBlank(address?.sms) ? null : (address?.sms ?? null);
  if (email === null && sms === null) {
    fail(['digitaldeliveryaddress'], 'An Email or an Sms is required for DigitalDelivery.');
    return undefined;
  }
  if (email !== null && !emailSyntax.safeParse(email).success) {
    fail(['digitaldeliveryaddress', 'email'], `"${email}" is not a valid email address.`);
  }
  if (sms !== null && !e164.test(sms)) {
    fail(['digitaldeliveryaddress', 'sms'], 'Sms must be an E.164 number: + then 8 to 15 digits.');
  }
  return { email, sms };
};

export const checkPhysicalAddress = (
  address: RequestPhysicalAddress | null | undefined,
  fail: AddError,
): PhysicalAddress | undefined => {
  if (address === null || address === undefined) {
    fail(['physicaldeliveryaddress'], 'A PhysicalDeliveryAddress is required for PhysicalShipment.');
    return undefined;
  }
  const missing = requiredAddressFields.filter((field) => isBlank(address[field]));
  for (const field of missing)
    fail(['physicaldeliveryaddress', field], `The ${fieldName([field])} field is required.`);
  const methodId = address.shippingmethodid ?? '';
  if (!isBlank(methodId) && !isShippingMethodId(methodId)) {
    fail(['physicaldeliveryaddress', 'shippingmethodid'], `Unknown shipping method "${methodId}".`);
  }
  if (missing.length > 0) return undefined;
  return {
    shippingMethodId: methodId,
    carrierId: address.carrierid ?? null,
    name: address.name ?? '',
    addressLine1: address.addressline1 ?? '',
    addressLine2: address.addressline2 ?? null,
    city: address.city ?? '',
    state: address.state ?? '',
    zip: address.zip ?? '',
    country: address.country ?? '',
  };
};
