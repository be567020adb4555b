import type { DeliveryType } from '../../../../common/catalog/product.ts';
import {
  fieldsForDeliveryType,
  recipientFields,
  type RecipientField,
} from '../../../../common/recipients/fields.ts';

/**
 * A Links order carries no address (docs/provider-api.md §5.3): the provider returns claim links and
 * emails no one, so a Links grid does not offer Email or SMS columns. An email a row already holds (kept
 * for the record, e.g. from an import) still shows, like any other value in use.
 */
const listedFields: Record<DeliveryType, readonly RecipientField[]> = {
  ...fieldsForDeliveryType,
  Links: fieldsForDeliveryType.Links.filter((field) => field !== 'email' && field !== 'sms'),
};

const canonicalOrder = new Map(recipientFields.map((field, index) => [field, index]));
const orderOf = (field: RecipientField): number => canonicalOrder.get(field) ?? recipientFields.length;

/**
 * The grid's columns: the delivery type's fields, plus any other field that holds a value in some row
 * or has an issue (`inUse`, kept by the validation store as rows change). Validation and sending read
 * every field, so a value or a problem in a field the delivery type does not list (a "Full Name"
 * column mapped to Name, a Quantity left from Links) must be on screen to be seen, found, fixed and
 * reached from the problems panel. The delivery type's own list when nothing else is in use, so the
 * columns stay the same array from edit to edit.
 */
export const gridFields = (
  deliveryType: DeliveryType,
  inUse: ReadonlySet<RecipientField>,
): readonly RecipientField[] => {
  const listed = listedFields[deliveryType];
  const found = recipientFields.filter((field) => inUse.has(field) && !listed.includes(field));
  if (found.length === 0) return listed;
  // Each extra field goes after the last shown field that precedes it in the canonical order, so Name
  // sits by First and Last name, Quantity by Amount, From email by From name.
  const fields = [...listed];
  for (const field of found) {
    let at = 0;
    fields.forEach((shown, index) => {
      if (orderOf(shown) < orderOf(field)) at = index + 1;
    });
    fields.splice(at, 0, field);
  }
  return fields;
};
