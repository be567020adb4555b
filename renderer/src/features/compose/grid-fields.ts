import type { DeliveryType } from '../../../../common/catalog/product.ts';
import {
  fieldsForDeliveryType,
  recipientFields,
  type RecipientField,
} from '../../../../common/recipients/fields.ts';
import type { GridRow } from '../../state/draft-history.ts';
import type { IssueIndex } from './cell-issues.ts';

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
 * or has an issue. Validation and sending read every field, so a value or a problem in a field the
 * delivery type does not list (a "Full Name" column mapped to Name, a Quantity left from Links) must
 * be on screen to be seen, found, fixed and reached from the problems panel.
 * One pass over the rows and one over the rows with issues; the delivery type's own list when
 * nothing else is in use, so the columns stay the same array from edit to edit.
 */
export const gridFields = (
  deliveryType: DeliveryType,
  rows: readonly GridRow[],
  issues: IssueIndex,
): readonly RecipientField[] => {
  const listed = listedFields[deliveryType];
  const unlisted = new Set<string>(recipientFields.filter((field) => !listed.includes(field)));
  const found = new Set<string>();
  for (const cells of issues.values()) {
    for (const field of cells.keys()) if (unlisted.has(field)) found.add(field);
  }
  for (const row of rows) {
    if (found.size === unlisted.size) break;
    const values: Readonly<Record<string, string | undefined>> = row.values;
    // A row holds a few fields: walking its keys is cheaper than asking it for every field (≈4 ms
    // for 100,000 rows against ≈9 ms).
    for (const field in values) {
      if (unlisted.has(field) && !found.has(field) && (values[field]?.trim() ?? '') !== '') found.add(field);
    }
  }
  if (found.size === 0) return listed;
  // Each extra field goes after the last shown field that precedes it in the canonical order, so Name
  // sits by First and Last name, Quantity by Amount, From email by From name.
  const fields = [...listed];
  for (const field of recipientFields) {
    if (!found.has(field)) continue;
    let at = 0;
    fields.forEach((shown, index) => {
      if (orderOf(shown) < orderOf(field)) at = index + 1;
    });
    fields.splice(at, 0, field);
  }
  return fields;
};
