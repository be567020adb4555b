import { describe, expect, it } from 'vitest';
import type { RecipientRow } from './fields.ts';
import { contextFor, messagesOn } from '../../test/support/test-catalog.ts';
import { validateRow } from './validate-row.ts';

const physical = contextFor('PhysicalShipment', {
  defaults: { product_id: 'HARBORLIGHT-PREPAID', amount: '50' },
});
const pat: RecipientRow = {
  first_name: 'Pat',
  last_name: 'Doe',
  address_line1: ' 1  Example Way ',
  city: 'Springfield',
  state: 'IL',
  zip: '62701',
  country: 'US',
  shipping_method: 'STANDARD',
};

describe('PhysicalShipment address', () => {
  it('accepts a complete US address and normalises its spacing', () => {
    expect(validateRow(pat, physical).recipient?.address).toEqual({
      line1: '1 Example Way',
      line2: null,
      city: 'Springfield',
      state: 'IL',
      zip: '62701',
      country: 'US',
      shippingMethodId: 'STANDARD',
    });
    expect(validateRow(pat, physical).recipient?.fullName).toBe('Pat Doe');
  });

  it.each([
    ['address_line1', 'Address line 1 is missing: enter the street address.'],
    ['city', 'City is missing: enter the city.'],
    ['state', 'State is missing: enter the state.'],
    ['zip', 'ZIP is missing: enter the ZIP or postal code.'],
    ['country', 'Country is missing: enter the country, such as US.'],
  ] as const)('requires %s', (field, message) => {
    const result = validateRow({ ...pat, [field]: '  ' }, physical);
    expect(messagesOn(result, field)).toEqual([message]);
    expect(result.recipient).toBeNull();
  });

  it('reads the usual ways of writing the United States as US', () => {
    for (const country of ['USA', 'United States', 'us']) {
      expect(validateRow({ ...pat, country }, physical).recipient?.address?.country).toBe('US');
    }
    expect(messagesOn(validateRow({ ...pat, country: 'Untied States' }, physical), 'country')).toEqual([
      'Country "Untied States" is not recognised: use its 2-letter code, such as US or CA.',
    ]);
  });

  it('turns a US state name into its USPS code and refuses what is not a state', () => {
    expect(validateRow({ ...pat, state: 'New York' }, physical).recipient?.address?.state).toBe('NY');
    expect(validateRow({ ...pat, state: 'pr' }, physical).recipient?.address?.state).toBe('PR');
    expect(messagesOn(validateRow({ ...pat, state: 'Nwe York' }, physical), 'state')).toEqual([
      'State "Nwe York" is not a US state: use its 2-letter code, such as NY or CA.',
    ]);
  });

  it('keeps ZIP codes as text, leading zeros and ZIP+4 included', () => {
    const zipOf = (zip: string) => validateRow({ ...pat, zip }, physical).recipient?.address?.zip;
    expect(zipOf('02134')).toBe('02134');
    expect(zipOf('02134-1234')).toBe('02134-1234');
    expect(zipOf('021341234')).toBe('02134-1234');
  });

  it('refuses a malformed US ZIP, and spots a leading zero lost in a spreadsheet', () => {
    expect(messagesOn(validateRow({ ...pat, zip: '2134' }, physical), 'zip')).toEqual([
      'ZIP "2134" is not a US ZIP code: use 5 digits (12345) or ZIP+4 (12345-6789). If a spreadsheet dropped a leading zero, write 02134.',
    ]);
    expect(messagesOn(validateRow({ ...pat, zip: 'ABC 123' }, physical), 'zip')).toHaveLength(1);
  });

  it('takes state and postal code as written outside the US', () => {
    const toronto = { ...pat, city: 'Toronto', state: 'ON', zip: 'M5V 2T6', country: 'Canada' };
    expect(validateRow(toronto, physical).recipient?.address).toMatchObject({
      state: 'ON',
      zip: 'M5V 2T6',
      country: 'CA',
    });
  });

  it('keeps an optional second address line', () => {
    expect(validateRow({ ...pat, address_line2: ' Apt 4 ' }, physical).recipient?.address?.line2).toBe(
      'Apt 4',
    );
  });
});

describe('shipping method', () => {
  it("accepts one of the provider's methods, in any case, in the provider's spelling", () => {
    expect(
      validateRow({ ...pat, shipping_method: 'expedited' }, physical).recipient?.address?.shippingMethodId,
    ).toBe('EXPEDITED');
  });

  it('uses the first method for an empty cell, with a warning so the choice is seen', () => {
    const result = validateRow({ ...pat, shipping_method: '' }, physical);
    expect(result.recipient?.address?.shippingMethodId).toBe('STANDARD');
    expect(messagesOn(result, 'shipping_method', 'warning')).toEqual([
      'Shipping method is empty, so STANDARD will be used: choose one to use another.',
    ]);
  });

  it('refuses a method the provider does not offer, or any when none are loaded', () => {
    expect(
      messagesOn(validateRow({ ...pat, shipping_method: 'OVERNIGHT' }, physical), 'shipping_method'),
    ).toEqual(['Shipping method "OVERNIGHT" is not offered: choose STANDARD or EXPEDITED.']);
    const unloaded = { ...physical, shippingMethodIds: [] };
    expect(messagesOn(validateRow(pat, unloaded), 'shipping_method')).toEqual([
      'No shipping methods are loaded: reconnect to GiftCard Partners to load them.',
    ]);
  });
});
