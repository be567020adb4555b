import type Database from 'better-sqlite3';
import type { LedgerProblem } from '../../common/contract/ledger.ts';
import { auditedBatchColumns, auditedRowColumns, type ColumnValue } from '../batches/audited-columns.ts';
import type { StoredEvent } from '../batches/event-log.ts';
import { replayBatch } from './replay-batch.ts';

type StoredRecord = Readonly<Record<string, unknown>>;

const shown = (value: unknown): string | null =>
  value === undefined ? null : typeof value === 'string' ? value : JSON.stringify(value);

const where = (batchId: string, rowNo: number | null): string =>
  rowNo === null ? `Batch ${batchId}` : `Row ${String(rowNo)} of batch ${batchId}`;

/** The first audited field where the table differs from the replay, as a problem naming both values. */
const firstDifference = (
  columns: readonly string[],
  batchId: string,
  rowNo: number | null,
  expected: Readonly<Record<string, ColumnValue>>,
  found: StoredRecord,
): LedgerProblem | undefined => {
  for (const field of columns) {
    if (expected[field] === found[field]) continue;
    return {
      check: 'tables',
      batchId,
      rowNo,
      field,
      expected: shown(expected[field]),
      found: shown(found[field]),
      message: `${where(batchId, rowNo)}: ${field} is ${shown(found[field]) ?? 'missing'} in the ledger, but its events say ${shown(expected[field]) ?? 'nothing'}.`,
    };
  }
  return undefined;
};

const missing = (batchId: string, rowNo: number | null, message: string): LedgerProblem => ({
  check: 'tables',
  batchId,
  rowNo,
  field: null,
  expected: null,
  found: null,
  message: `${where(batchId, rowNo)} ${message}`,
});

/**
 * Replays every batch's events and compares `batches` and `batch_rows` with the result, column by
 * audited column (docs/architecture.md §5.12). One batch at a time, so memory stays that of the largest
 * batch. Returns the first difference, in batch id and row order.
 */
export const verifyTables = (
  db: Database.Database,
): { batches: number; rows: number; problem?: LedgerProblem } => {
  const batchIds = db
    .prepare<[], { id: string }>(
      'SELECT id FROM batches UNION SELECT batch_id FROM events WHERE batch_id IS NOT NULL ORDER BY 1',
    )
    .all()
    .map((row) => row.id);
  const eventsOf = db.prepare<[string], StoredEvent>('SELECT * FROM events WHERE batch_id = ? ORDER BY seq');
  const batchOf = db.prepare<[string], StoredRecord>('SELECT * FROM batches WHERE id = ?');
  const rowsOf = db.prepare<[string], StoredRecord>(
    'SELECT * FROM batch_rows WHERE batch_id = ? ORDER BY row_no',
  );
  // The ledger's size, reported whether or not the comparison stops at a problem.
  const rows =
    db.prepare<[], { count: number }>('SELECT COUNT(*) AS count FROM batch_rows').get()?.count ?? 0;
  for (const batchId of batchIds) {
    const replayed = replayBatch(eventsOf.all(batchId));
    if (!('rows' in replayed)) {
      return {
        batches: batchIds.length,
        rows,
        problem: { ...missing(batchId, replayed.rowNo, ''), message: replayed.message },
      };
    }
    const fail = (problem: LedgerProblem) => ({ batches: batchIds.length, rows, problem });
    const batch = batchOf.get(batchId);
    if (replayed.batch === undefined) {
      // Events of a batch recorded before the chain covered batches, with no baseline, prove nothing.
      if (batch !== undefined)
        return fail(missing(batchId, null, 'is in the ledger, but no event records it.'));
      continue;
    }
    if (batch === undefined)
      return fail(missing(batchId, null, 'was recorded by its events but is gone from the ledger.'));
    const batchDifference = firstDifference(auditedBatchColumns, batchId, null, replayed.batch, batch);
    if (batchDifference !== undefined) return fail(batchDifference);
    const seen = new Set<number>();
    for (const row of rowsOf.all(batchId)) {
      const rowNo = Number(row.row_no);
      seen.add(rowNo);
      const expected = replayed.rows.get(rowNo);
      if (expected === undefined)
        return fail(missing(batchId, rowNo, 'is in the ledger, but no event records it.'));
      const difference = firstDifference(auditedRowColumns, batchId, rowNo, expected, row);
      if (difference !== undefined) return fail(difference);
    }
    for (const rowNo of replayed.rows.keys()) {
      if (!seen.has(rowNo))
        return fail(missing(batchId, rowNo, 'was recorded by its events but is gone from the ledger.'));
    }
  }
  return { batches: batchIds.length, rows };
};
