import { describe, expect, it } from 'vitest';
import { duplicateKey, type DuplicateParts } from './duplicate-keys.ts';

const base: DuplicateParts = { fullName: 'Pat Doe', emailKey: null, sms: null, address: null };
const address = {
  line1: '1 Example Way',
  line2: null,
  city: 'Springfield',
  state: 'IL',
  zip: '62701-1234',
  country: 'US',
  shippingMethodId: 'STANDARD',
};

describe('duplicateKey', () => {
  it('prefers the email, then the mobile number, then the name and address', () => {
    expect(duplicateKey({ ...base, emailKey: 'pat@x.com', sms: '+12125550123' })).toEqual({
      kind: 'email',
      key: 'pat@x.com',
    });
    expect(duplicateKey({ ...base, sms: '+12125550123', address })).toEqual({
      kind: 'sms',
      key: '+12125550123',
    });
    expect(duplicateKey({ ...base, address })?.kind).toBe('address');
    expect(duplicateKey(base)).toBeUndefined();
  });

  it('reads a US ZIP+4 as its ZIP, and keeps other postal codes whole', () => {
    const short = duplicateKey({ ...base, address: { ...address, zip: '62701' } });
    expect(duplicateKey({ ...base, address })).toEqual(short);
    const london = { ...address, country: 'GB', zip: 'SW1A 1AA' };
    expect(duplicateKey({ ...base, address: london })).not.toEqual(
      duplicateKey({ ...base, address: { ...london, zip: 'SW1A 2AA' } }),
    );
  });

  it('tells a different name at the same address apart', () => {
    expect(duplicateKey({ ...base, address })).not.toEqual(
      duplicateKey({ ...base, fullName: 'Sam Doe', address }),
    );
  });
});
