import { centsToDecimalString } from '../../common/money.ts';
import type { RecipientField, RecipientRow } from '../../common/recipients/fields.ts';
import type { CreateOrderRequest } from '../api/order-types.ts';

/**
 * A stored order read back as the row the user would type to place it again: what the edit form
 * starts from. The name is the one the order was addressed to (`name`, not first and last); quantity
 * only when it is not the one card every row gets. An order request never holds a claim link.
 */
export const rowValuesOf = (request: CreateOrderRequest): RecipientRow => {
  const line = request.lines[0];
  if (line === undefined) return {};
  const personal = line.personalization;
  const digital = line.digitalDeliveryAddress;
  const physical = line.physicalDeliveryAddress;
  const entries: [RecipientField, string | undefined][] = [
    ['name', personal?.to ?? physical?.name],
    ['email', digital?.email],
    ['sms', digital?.sms],
    ['product_id', line.productId],
    ['amount', centsToDecimalString(line.valueCents)],
    ['quantity', line.quantity === 1 ? undefined : String(line.quantity)],
    ['message', personal?.message],
    ['from_name', personal?.fromName],
    ['from_email', personal?.fromEmail],
    ['address_line1', physical?.addressLine1],
    ['address_line2', physical?.addressLine2],
    ['city', physical?.city],
    ['state', physical?.state],
    ['zip', physical?.zip],
    ['country', physical?.country],
    ['shipping_method', physical?.shippingMethodId],
  ];
  const values: RecipientRow = {};
  for (const [field, value] of entries) if (value !== undefined && value !== '') values[field] = value;
  return values;
};
