import type Database from 'better-sqlite3';
import { poNumberFor } from '../../common/batches/po-number.ts';
import type { AuditedWrites, RowInsert } from './audited-writes.ts';
import { queuedPo, queuedRowColumns } from './reviewed-row.ts';
import type { NewBatch } from './batch-types.ts';

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
      const po = queuedPo(row.order, poNumberFor(batch.id, row.rowNo));
      insertPo.run(po.poNumber, po.payloadHash, batch.id, row.rowNo, 1, at);
      return {
        batch_id: batch.id,
        row_no: row.rowNo,
        draft_row_id: row.draftRowId,
        revision: 1,
        updated_at: at,
        extras_json: Object.keys(row.extras).length === 0 ? null : JSON.stringify(row.extras),
        ...queuedRowColumns(row, po, at),
      };
    });
    writes.insertRows(rows, at, (row) => ({ kind: 'row.created', detail: { po: row.po_number } }));
  };
};
