import type Database from 'better-sqlite3';
import { poNumberFor } from '../../common/batches/po-number.ts';
import type { CreateOrderRequest } from '../api/order-types.ts';
import { hashPayload, type NewBatch } from './batch-types.ts';
import type { EventLog } from './event-log.ts';

/**
 * Writes a reviewed batch as `ready`: every row with its PO number and the exact payload it will be
 * sent with, each PO in the register of issued numbers. Run inside the caller's transaction.
 */
export const createBatchRecords = (db: Database.Database, events: EventLog, stamp: () => string) => {
  const insertBatch =
    db.prepare(`INSERT INTO batches (id, name, draft_id, environment, provider, delivery_type,
      default_country, status, reviewed_cost_cents, currency_code, created_at, updated_at, operator,
      source_json, kept_aside_headers_json)
    VALUES (?, ?, ?, ?, ?, ?, ?, 'ready', ?, ?, ?, ?, ?, ?, ?)`);
  const insertRow = db.prepare(`INSERT INTO batch_rows (batch_id, row_no, draft_row_id, revision, po_number,
      payload_json, payload_hash, recipient_key, recipient_label, product_id, amount_cents, quantity,
      cost_cents, state, updated_at, first_name, last_name, email, sms, reference, product_name, extras_json,
      state_at)
    VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertPo = db.prepare(
    'INSERT INTO po_numbers (po_number, payload_hash, batch_id, row_no, revision, issued_at) VALUES (?, ?, ?, ?, ?, ?)',
  );

  return (batch: NewBatch): void => {
    const at = stamp();
    insertBatch.run(
      batch.id,
      batch.name,
      batch.draftId,
      batch.environment,
      batch.provider,
      batch.deliveryType,
      batch.defaultCountry,
      batch.reviewedCostCents,
      batch.currencyCode,
      at,
      at,
      batch.operator,
      JSON.stringify(batch.origin),
      JSON.stringify(batch.keptAsideHeaders),
    );
    for (const row of batch.rows) {
      const poNumber = poNumberFor(batch.id, row.rowNo);
      const payloadJson = JSON.stringify({ ...row.order, poNumber } satisfies CreateOrderRequest);
      const payloadHash = hashPayload(payloadJson);
      insertPo.run(poNumber, payloadHash, batch.id, row.rowNo, 1, at);
      insertRow.run(
        batch.id,
        row.rowNo,
        row.draftRowId,
        poNumber,
        payloadJson,
        payloadHash,
        row.recipientKey,
        row.recipientLabel,
        row.productId,
        row.amountCents,
        row.quantity,
        row.costCents,
        at,
        row.recipient.firstName,
        row.recipient.lastName,
        row.recipient.email,
        row.recipient.sms,
        row.recipient.reference,
        row.productName,
        Object.keys(row.extras).length === 0 ? null : JSON.stringify(row.extras),
        at,
      );
    }
    events.append({
      batchId: batch.id,
      rowNo: null,
      kind: 'batch.ready',
      detail: {
        name: batch.name,
        rows: batch.rows.length,
        reviewedCostCents: batch.reviewedCostCents,
        environment: batch.environment,
        provider: batch.provider,
      },
    });
  };
};
