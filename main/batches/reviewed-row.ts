import type { DeliveryType, Product } from '../../common/catalog/product.ts';
import { lineCostCents } from '../../common/money.ts';
import { duplicateKey } from '../../common/recipients/duplicate-keys.ts';
import type { ValidatedRecipient } from '../../common/recipients/validation-types.ts';
import type { CreateOrderRequest, ShippingMethod } from '../api/order-types.ts';
import type { RowInsert } from './audited-writes.ts';
import { hashPayload, type NewBatchRow } from './batch-types.ts';
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

/** The PO number a row is (re)queued under, with the order payload it stands for. */
export interface QueuedPo {
  readonly poNumber: string;
  readonly payloadJson: string;
  readonly payloadHash: string;
}

/** The payload a PO number stands for: the order with that PO number, and its hash. */
export const queuedPo = (order: ReviewedRowRecord['order'], poNumber: string): QueuedPo => {
  const payloadJson = JSON.stringify({ ...order, poNumber } satisfies CreateOrderRequest);
  return { poNumber, payloadJson, payloadHash: hashPayload(payloadJson) };
};

/**
 * A reviewed row's columns as it is queued under a PO number: what it orders, for whom, and a fresh
 * sending state. One mapping for a batch's first rows and for a row revised after a rejection.
 */
export const queuedRowColumns = (
  reviewed: ReviewedRowRecord,
  po: QueuedPo,
  at: string,
): Omit<RowInsert, 'batch_id' | 'row_no' | 'draft_row_id' | 'revision' | 'extras_json' | 'updated_at'> => ({
  po_number: po.poNumber,
  payload_json: po.payloadJson,
  payload_hash: po.payloadHash,
  recipient_key: reviewed.recipientKey,
  recipient_label: reviewed.recipientLabel,
  product_id: reviewed.productId,
  amount_cents: reviewed.amountCents,
  quantity: reviewed.quantity,
  cost_cents: reviewed.costCents,
  state: 'queued',
  order_id: null,
  failure_json: null,
  attempts: 0,
  claim_links: 0,
  submitted_at: null,
  pending_since: null,
  state_at: at,
  first_name: reviewed.recipient.firstName,
  last_name: reviewed.recipient.lastName,
  email: reviewed.recipient.email,
  sms: reviewed.recipient.sms,
  reference: reviewed.recipient.reference,
  product_name: reviewed.productName,
});
