import type Database from 'better-sqlite3';
import { poNumberFor } from '../../common/batches/po-number.ts';
import { checkBatchState, checkRowState, parseFailure, type BatchRowRecord } from './batch-records.ts';
import type { AuditedWrites } from './audited-writes.ts';
import { queuedPo, queuedRowColumns, type ReviewedRowRecord } from './reviewed-row.ts';
import { isRevisable } from '../../common/batches/revision.ts';

/** A rejected row as the user edited it: its new order and record, under the next PO number. */
export type RowRevision = ReviewedRowRecord;

export interface RevisedRow {
  readonly oldPoNumber: string;
  readonly newPoNumber: string;
  readonly revision: number;
}

/**
 * Writes a row's next revision (docs/architecture.md §5.2: a PO number is never reused for a different payload):
 * a new PO number issued with the new payload's hash, the row queued again under it, the old PO number
 * kept in po_numbers as it was. The caller runs it inside an IMMEDIATE transaction and turns `refuse`
 * into the error it throws.
 */
export const createRowReviser = (deps: {
  readonly db: Database.Database;
  readonly writes: AuditedWrites;
  readonly stamp: () => string;
  readonly refuse: (message: string) => Error;
}) => {
  const { db, writes, stamp, refuse } = deps;
  const selectRow = db.prepare<[string, number], BatchRowRecord>(
    'SELECT * FROM batch_rows WHERE batch_id = ? AND row_no = ?',
  );
  const selectBatch = db.prepare<
    [string],
    { status: string; lease_owner: string | null; lease_until: number | null }
  >('SELECT status, lease_owner, lease_until FROM batches WHERE id = ?');
  const insertPo = db.prepare(
    'INSERT INTO po_numbers (po_number, payload_hash, batch_id, row_no, revision, issued_at) VALUES (?, ?, ?, ?, ?, ?)',
  );

  return (batchId: string, rowNo: number, revision: RowRevision, nowMs: number): RevisedRow => {
    const batch = selectBatch.get(batchId);
    if (batch === undefined) throw refuse(`There is no batch ${batchId}.`);
    const status = checkBatchState(batch.status);
    if (status === 'cancelled') throw refuse(`Batch ${batchId} is cancelled; its rows cannot be sent again.`);
    // The sender read its queue when it started: a row queued under its feet would be left behind.
    if (batch.lease_owner !== null && (batch.lease_until ?? 0) >= nowMs) {
      throw refuse(`Batch ${batchId} is being sent right now. Wait for it to finish, then edit the row.`);
    }
    const row = selectRow.get(batchId, rowNo);
    if (row === undefined) throw refuse(`Batch ${batchId} has no row ${String(rowNo)}.`);
    const failure = parseFailure(row.failure_json);
    if (failure === null || !isRevisable({ state: checkRowState(row.state), failure })) {
      throw refuse(
        `Row ${String(rowNo)} (${row.po_number}) is ${row.state.replace('_', ' ')}${
          row.state === 'failed' ? ' with an outcome that "Retry failed rows" resends as it is' : ''
        }; only a row the provider rejected can be edited and sent again.`,
      );
    }
    const next = row.revision + 1;
    const po = queuedPo(revision.order, poNumberFor(batchId, rowNo, next));
    const newPoNumber = po.poNumber;
    const at = stamp();
    insertPo.run(newPoNumber, po.payloadHash, batchId, rowNo, next, at);
    // A new PO number with its payload: the trigger that guards a PO number's payload allows exactly this.
    writes.updateRow(
      row,
      {
        revision: next,
        ...queuedRowColumns(revision, po, at),
        next_poll_at: null,
        poll_delay_ms: null,
      },
      at,
      {
        kind: 'row.revised',
        detail: {
          po: newPoNumber,
          oldPo: row.po_number,
          newPo: newPoNumber,
          revision: next,
          from: 'failed',
          to: 'queued',
          // The rejected order (if the provider made one) stays findable after the row moves on.
          oldOrderId: row.order_id,
          failure: failure.kind,
        },
      },
    );
    return { oldPoNumber: row.po_number, newPoNumber, revision: next };
  };
};
