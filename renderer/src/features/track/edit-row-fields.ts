import { poNumberFor } from '../../../../common/batches/po-number.ts';
import type { DeliveryType } from '../../../../common/catalog/product.ts';
import {
  fieldsForDeliveryType,
  type RecipientField,
  type RecipientRow,
} from '../../../../common/recipients/fields.ts';
import type { CellIssue } from '../../../../common/recipients/validation-types.ts';

/** Split names and the reference are not part of an order: a sent row's name comes back whole. */
const notInOrders = new Set<RecipientField>(['first_name', 'last_name', 'reference']);

/**
 * The form's fields: the delivery type's columns as Compose shows them, with one Name, plus any
 * other field the stored order has (a sender email, several links).
 */
export const editFields = (deliveryType: DeliveryType, values: RecipientRow): readonly RecipientField[] => {
  const fields: RecipientField[] = [
    'name',
    ...fieldsForDeliveryType[deliveryType].filter((field) => !notInOrders.has(field)),
  ];
  for (const field of ['quantity', 'from_email'] as const) {
    if (values[field] !== undefined && !fields.includes(field)) fields.push(field);
  }
  return fields;
};

/** Where an issue shows in the form: a missing name is reported on the first name, shown on Name. */
export const formFieldOf = (issue: CellIssue): RecipientField =>
  issue.field === 'first_name' || issue.field === 'last_name' ? 'name' : issue.field;

/** Past any revision a user would make by hand, the button just says "Send again". */
const maxRevision = 99;

/** The PO number the row will be sent under: its next revision's (`GB-<batch>-<row>-R2`). */
export const nextPoNumber = (batchId: string, rowNo: number, currentPoNumber: string): string | null => {
  for (let revision = 1; revision < maxRevision; revision += 1) {
    if (poNumberFor(batchId, rowNo, revision) === currentPoNumber) {
      return poNumberFor(batchId, rowNo, revision + 1);
    }
  }
  return null;
};
