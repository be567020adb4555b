import { describe, expect, it } from 'vitest';
import { fieldsForDeliveryType } from '../../../../common/recipients/fields.ts';
import type { RecipientField } from '../../../../common/recipients/fields.ts';
import { gridFields } from './grid-fields.ts';

/**
 * The columns in order, pinned here as literal text rather than derived from recipientFields: the order
 * is what the person sees, and deriving it would repeat gridFields' own rule. A change to the canonical
 * list that moves a column must show up here as a deliberate edit of this test.
 */
const columns = (fields: readonly RecipientField[]): string => fields.join(' ');

const inUse = (...fields: RecipientField[]): ReadonlySet<RecipientField> => new Set(fields);

describe('gridFields', () => {
  it("is the delivery type's own list, the same array, when no other field is in use", () => {
    expect(gridFields('DigitalDelivery', inUse('first_name', 'email', 'amount'))).toBe(
      fieldsForDeliveryType.DigitalDelivery,
    );
    expect(gridFields('Links', inUse())).toBe(gridFields('Links', inUse('first_name')));
  });

  it('adds a field in use, next to the fields it belongs with', () => {
    expect(columns(gridFields('DigitalDelivery', inUse('name', 'email', 'from_email', 'quantity')))).toBe(
      'first_name last_name name email sms product_id amount quantity message from_name from_email reference',
    );
    expect(columns(gridFields('PhysicalShipment', inUse('email')).slice(0, 4))).toBe(
      'first_name last_name email product_id',
    );
  });

  it('offers no Email or SMS column for Links, whose orders carry no address, unless a row holds one', () => {
    expect(columns(gridFields('Links', inUse('first_name')))).toBe(
      'first_name last_name product_id amount quantity message reference',
    );
    expect(gridFields('Links', inUse('email'))).toContain('email');
    expect(gridFields('Links', inUse())).not.toContain('sms');
  });
});
