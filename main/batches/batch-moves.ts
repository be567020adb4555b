import type Database from 'better-sqlite3';
import type { PauseReason } from '../../common/contract/batches.ts';
import { canMoveBatch, canMoveRow, type BatchState, type RowState } from '../../common/batches/states.ts';
import type { AuditedWrites } from './audited-writes.ts';
import { checkBatchState, checkRowState, type BatchRecord, type BatchRowRecord } from './batch-records.ts';
import { LedgerConflict } from './ledger-conflict.ts';

/** A write that runs as one IMMEDIATE transaction, so two processes never interleave inside it. */
export type Immediate = <A extends unknown[], R>(fn: (...args: A) => R) => (...args: A) => R;

export const immediateOn =
  (db: Database.Database): Immediate =>
  (fn) => {
    const transaction = db.transaction(fn);
    return (...args) => transaction.immediate(...args);
  };

/**
 * Reads a batch or row record for a change, and moves either along the state machine
 * (common/batches/states.ts) with its event: every write of the repository goes through these.
 */
export const createBatchMoves = (db: Database.Database, writes: AuditedWrites, stamp: () => string) => {
  const selectBatch = db.prepare<[string], BatchRecord>('SELECT * FROM batches WHERE id = ?');
  const selectRows = db.prepare<[string], BatchRowRecord>(
    'SELECT * FROM batch_rows WHERE batch_id = ? ORDER BY row_no',
  );
  const selectRow = db.prepare<[string, number], BatchRowRecord>(
    'SELECT * FROM batch_rows WHERE batch_id = ? AND row_no = ?',
  );

  const batchRecord = (batchId: string): BatchRecord => {
    const record = selectBatch.get(batchId);
    if (record === undefined) throw new LedgerConflict(`There is no batch ${batchId}.`);
    return record;
  };
  const rowRecord = (batchId: string, rowNo: number): BatchRowRecord => {
    const record = selectRow.get(batchId, rowNo);
    if (record === undefined) throw new LedgerConflict(`Batch ${batchId} has no row ${String(rowNo)}.`);
    return record;
  };

  /** Moves a row, checking the state machine, and records the change with its event. */
  const moveRow = (
    row: BatchRowRecord,
    to: RowState,
    changes: Partial<BatchRowRecord>,
    event: { kind: string; detail: Record<string, unknown> },
  ): void => {
    const from = checkRowState(row.state);
    if (from !== to && !canMoveRow(from, to)) {
      throw new LedgerConflict(`Row ${String(row.row_no)} cannot go from ${from} to ${to}.`);
    }
    const at = stamp();
    writes.updateRow(row, { ...changes, state: to, state_at: from === to ? row.state_at : at }, at, {
      kind: event.kind,
      detail: { po: row.po_number, from, to, ...event.detail },
    });
  };

  /** sent_at: when it first started sending; finished_at: when it last reached an end (a retry reopens it). */
  const moveBatch = (batchId: string, to: BatchState, reason: PauseReason | null): void => {
    const batch = batchRecord(batchId);
    const from = checkBatchState(batch.status);
    if (from === to) return;
    if (!canMoveBatch(from, to))
      throw new LedgerConflict(`Batch ${batchId} cannot go from ${from} to ${to}.`);
    const at = stamp();
    const ended = to === 'completed' || to === 'completed_with_failures' || to === 'cancelled';
    writes.updateBatch(
      batch,
      {
        status: to,
        pause_reason_json: reason === null ? null : JSON.stringify(reason),
        sent_at: batch.sent_at ?? (to === 'sending' ? at : null),
        finished_at: ended ? at : null,
      },
      at,
      { kind: 'batch.state', detail: { from, to, reason: reason?.kind ?? null } },
    );
  };

  return {
    batchRecord,
    rowRecord,
    rowRecords: (batchId: string): BatchRowRecord[] => selectRows.all(batchId),
    moveRow,
    moveBatch,
  };
};

export type BatchMoves = ReturnType<typeof createBatchMoves>;
