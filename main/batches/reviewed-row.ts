import type { DeliveryType, Product } from '../../common/catalog/product.ts';
import { lineCostCents } from '../../common/money.ts';
import { duplicateKey } from '../../common/recipients/duplicate-keys.ts';
import type { ValidatedRecipient } from '../../common/recipients/validation-types.ts';
import type { ShippingMethod } from '../api/order-types.ts';
import type { NewBatchRow } from './batch-types.ts';
import { defaultCarrierId, orderForRecipient, recipientLabel } from './order-request.ts';

/** What the ledger records for one reviewed recipient, whichever way it was reviewed. */
export type ReviewedRowRecord = Omit<NewBatchRow, 'rowNo' | 'draftRowId' | 'extras'>;

/** "email:pat@example.org": how the review and the ledger know a recipient across batches. */
export const recipientKeyOf = (recipient: ValidatedRecipient): string | null => {
  const key = duplicateKey(recipient);
  return key === undefined ? null : `${key.kind}:${key.key}`;
};

/**
 * The order and record of a validated recipient: one builder for a batch's review and for a rejected
 * row edited afterwards, so both send and record a row the same way.
 */
export const reviewedRowRecord = (input: {
  readonly recipient: ValidatedRecipient;
  readonly product: Product;
  readonly deliveryType: DeliveryType;
  readonly shippingMethods: readonly ShippingMethod[];
  readonly rowNo: number;
}): ReviewedRowRecord => {
  const { recipient, product } = input;
  const carriers = new Map(
    input.shippingMethods.map((method) => [method.id.toUpperCase(), method.carrierId]),
  );
  return {
    order: orderForRecipient(
      recipient,
      input.deliveryType,
      (methodId) => carriers.get(methodId.toUpperCase()) ?? defaultCarrierId,
    ),
    recipientKey: recipientKeyOf(recipient),
    recipientLabel: recipientLabel(recipient, input.rowNo),
    productId: recipient.productId,
    amountCents: recipient.amountCents,
    quantity: recipient.quantity,
    costCents: lineCostCents(recipient.amountCents, recipient.quantity, product.cost),
    recipient: {
      firstName: recipient.firstName,
      lastName: recipient.lastName,
      email: recipient.email,
      sms: recipient.sms,
      reference: recipient.reference,
    },
    productName: product.name,
  };
};
