import { describe, expect, it } from 'vitest';
import { fieldsForDeliveryType } from '../../../../common/recipients/fields.ts';
import type { RecipientField } from '../../../../common/recipients/fields.ts';
import { gridFields } from './grid-fields.ts';

const inUse = (...fields: RecipientField[]): ReadonlySet<RecipientField> => new Set(fields);

describe('gridFields', () => {
  it("is the delivery type's own list, the same array, when no other field is in use", () => {
    expect(gridFields('DigitalDelivery', inUse('first_name', 'email', 'amount'))).toBe(
      fieldsForDeliveryType.DigitalDelivery,
    );
    expect(gridFields('Links', inUse())).toBe(gridFields('Links', inUse('first_name')));
  });

  it('adds a field in use, next to the fields it belongs with', () => {
    expect(gridFields('DigitalDelivery', inUse('name', 'email', 'from_email', 'quantity'))).toEqual([
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
      'reference',
    ]);
    expect(gridFields('PhysicalShipment', inUse('email')).slice(0, 4)).toEqual([
      'first_name',
      'last_name',
      'email',
      'product_id',
    ]);
  });

  it('offers no Email or SMS column for Links, whose orders carry no address, unless a row holds one', () => {
    expect(gridFields('Links', inUse('first_name'))).toEqual([
      'first_name',
      'last_name',
      'product_id',
      'amount',
      'quantity',
      'message',
      'reference',
    ]);
    expect(gridFields('Links', inUse('email'))).toContain('email');
    expect(gridFields('Links', inUse())).not.toContain('sms');
  });
});
