import type Database from 'better-sqlite3';
import { poNumberFor } from '../../common/batches/po-number.ts';
import type { CreateOrderRequest } from '../api/order-types.ts';
import type { AuditedWrites, RowInsert } from './audited-writes.ts';
import { hashPayload, type NewBatch } from './batch-types.ts';

/**
 * Writes a reviewed batch as `ready`: every row with its PO number and the exact payload it will be
 * sent with, each PO in the register of issued numbers. The batch's event and one event per row carry
 * their full records (docs/architecture.md §5.12). Run inside the caller's transaction.
 */
export const createBatchRecords = (db: Database.Database, writes: AuditedWrites, stamp: () => string) => {
  const insertPo = db.prepare(
    'INSERT INTO po_numbers (po_number, payload_hash, batch_id, row_no, revision, issued_at) VALUES (?, ?, ?, ?, ?, ?)',
  );

  return (batch: NewBatch): void => {
    const at = stamp();
    writes.insertBatch(
      {
        id: batch.id,
        name: batch.name,
        draft_id: batch.draftId,
        environment: batch.environment,
        provider: batch.provider,
        delivery_type: batch.deliveryType,
        default_country: batch.defaultCountry,
        status: 'ready',
        reviewed_cost_cents: batch.reviewedCostCents,
        currency_code: batch.currencyCode,
        pause_reason_json: null,
        created_at: at,
        updated_at: at,
        operator: batch.operator,
        source_json: JSON.stringify(batch.origin),
        kept_aside_headers_json: JSON.stringify(batch.keptAsideHeaders),
        sent_at: null,
        finished_at: null,
      },
      {
        kind: 'batch.ready',
        detail: {
          name: batch.name,
          rows: batch.rows.length,
          reviewedCostCents: batch.reviewedCostCents,
          environment: batch.environment,
          provider: batch.provider,
        },
      },
    );
    const rows = batch.rows.map((row): RowInsert => {
      const poNumber = poNumberFor(batch.id, row.rowNo);
      const payloadJson = JSON.stringify({ ...row.order, poNumber } satisfies CreateOrderRequest);
      const payloadHash = hashPayload(payloadJson);
      insertPo.run(poNumber, payloadHash, batch.id, row.rowNo, 1, at);
      return {
        batch_id: batch.id,
        row_no: row.rowNo,
        draft_row_id: row.draftRowId,
        revision: 1,
        po_number: poNumber,
        payload_json: payloadJson,
        payload_hash: payloadHash,
        recipient_key: row.recipientKey,
        recipient_label: row.recipientLabel,
        product_id: row.productId,
        amount_cents: row.amountCents,
        quantity: row.quantity,
        cost_cents: row.costCents,
        state: 'queued',
        order_id: null,
        failure_json: null,
        attempts: 0,
        claim_links: 0,
        submitted_at: null,
        pending_since: null,
        updated_at: at,
        first_name: row.recipient.firstName,
        last_name: row.recipient.lastName,
        email: row.recipient.email,
        sms: row.recipient.sms,
        reference: row.recipient.reference,
        product_name: row.productName,
        extras_json: Object.keys(row.extras).length === 0 ? null : JSON.stringify(row.extras),
        state_at: at,
      };
    });
    writes.insertRows(rows, at, (row) => ({ kind: 'row.created', detail: { po: row.po_number } }));
  };
};
