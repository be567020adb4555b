import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { AuditBatch, AuditRow } from '../../common/contract/audit.ts';
import {
  checkRowState,
  parseFailure,
  type BatchRecord,
  type BatchRowRecord,
} from '../batches/batch-records.ts';

const headersSchema = z.array(z.string());
const extrasSchema = z.record(z.string(), z.string());

/** The parts of a stored order payload (`CreateOrderRequest`) an old row's recipient can be read from. */
const payloadSchema = z.object({
  lines: z
    .array(
      z.object({
        digitalDeliveryAddress: z
          .object({ email: z.string().optional(), sms: z.string().optional() })
          .optional(),
        physicalDeliveryAddress: z.object({ name: z.string() }).optional(),
        personalization: z.object({ to: z.string().optional() }).optional(),
      }),
    )
    .min(1),
});

export const toAuditBatch = (batch: BatchRecord): AuditBatch => ({
  batchId: batch.id,
  batchName: batch.name,
  environment: batch.environment,
  operator: batch.operator ?? '',
  createdAt: batch.created_at,
  sentAt: batch.sent_at,
  finishedAt: batch.finished_at,
  keptAsideHeaders:
    batch.kept_aside_headers_json === null
      ? []
      : headersSchema.parse(JSON.parse(batch.kept_aside_headers_json)),
});

/**
 * Rows committed before migration 0005 have NULL recipient columns. Their order payload still holds
 * where the card went (email, SMS) and whom it was addressed to (personalisation "To", or the shipping
 * name), so those are exported from it; the first-name column gets that whole name and the other
 * fields stay empty rather than being guessed.
 */
const recipientFromPayload = (row: BatchRowRecord) => {
  const parsed = payloadSchema.safeParse(JSON.parse(row.payload_json));
  const line = parsed.success ? parsed.data.lines[0] : undefined;
  return {
    firstName: line?.personalization?.to ?? line?.physicalDeliveryAddress?.name ?? '',
    email: line?.digitalDeliveryAddress?.email ?? '',
    sms: line?.digitalDeliveryAddress?.sms ?? '',
  };
};

export const toAuditRow = (batch: BatchRecord, row: BatchRowRecord): AuditRow => {
  const isOld = row.first_name === null && row.last_name === null && row.email === null && row.sms === null;
  const old = isOld ? recipientFromPayload(row) : undefined;
  return {
    rowNo: row.row_no,
    reference: row.reference ?? '',
    firstName: old?.firstName ?? row.first_name ?? '',
    lastName: row.last_name ?? '',
    email: old?.email ?? row.email ?? '',
    sms: old?.sms ?? row.sms ?? '',
    deliveryType: batch.delivery_type,
    productId: row.product_id,
    productName: row.product_name ?? row.product_id,
    faceValueCents: row.amount_cents,
    quantity: row.quantity,
    costCents: row.cost_cents,
    currencyCode: batch.currency_code,
    poNumber: row.po_number,
    orderId: row.order_id,
    status: checkRowState(row.state),
    statusAt: row.state_at ?? row.updated_at,
    failureReason: parseFailure(row.failure_json)?.message ?? null,
    attempts: row.attempts,
    keptAside: row.extras_json === null ? {} : extrasSchema.parse(JSON.parse(row.extras_json)),
  };
};

/** A batch's rows in row order, streamed from the ledger one at a time (`iterate`), never all held. */
export function* ledgerAuditRows(db: Database.Database, batch: BatchRecord): Generator<AuditRow> {
  const rows = db.prepare<[string], BatchRowRecord>(
    'SELECT * FROM batch_rows WHERE batch_id = ? ORDER BY row_no',
  );
  for (const row of rows.iterate(batch.id)) yield toAuditRow(batch, row);
}
