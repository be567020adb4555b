import type Database from 'better-sqlite3';
import { auditedBatchColumns, auditedImage, auditedRowColumns } from '../../batches/audited-columns.ts';
import { createEventLog } from '../../batches/event-log.ts';

/**
 * Gives batches recorded before the event chain carried every change (docs/architecture.md §5.12) a
 * starting point: one `batch.baseline` event per batch and one `row.baseline` per row, carrying their
 * audited columns as they stood at the upgrade. Replay starts from these, so the tables are verified
 * from the upgrade on; what happened to such a batch before it rests on the older events alone. It
 * runs once, in the migration's transaction, never on a later open (a batch slipped into the tables
 * afterwards gets no baseline and fails verification). Batches and rows are never deleted.
 */
export const migration0006 = {
  id: 6,
  name: 'chain covers batches',
  sql: `
    CREATE TRIGGER batches_no_delete BEFORE DELETE ON batches
      BEGIN SELECT RAISE(ABORT, 'Batches are never deleted'); END;
    CREATE TRIGGER batch_rows_no_delete BEFORE DELETE ON batch_rows
      BEGIN SELECT RAISE(ABORT, 'Batch rows are never deleted'); END;
  `,
  upgrade: (db: Database.Database): void => {
    const events = createEventLog(db, () => new Date());
    const at = new Date().toISOString();
    const rows = db.prepare<[string], Record<string, unknown>>(
      'SELECT * FROM batch_rows WHERE batch_id = ? ORDER BY row_no',
    );
    for (const batch of db
      .prepare<[], Record<string, unknown>>('SELECT * FROM batches ORDER BY created_at, id')
      .all()) {
      const batchId = String(batch.id);
      events.append(
        {
          batchId,
          rowNo: null,
          kind: 'batch.baseline',
          detail: { set: auditedImage(auditedBatchColumns, batch) },
        },
        at,
      );
      for (const row of rows.all(batchId)) {
        events.append(
          {
            batchId,
            rowNo: Number(row.row_no),
            kind: 'row.baseline',
            detail: { set: auditedImage(auditedRowColumns, row) },
          },
          at,
        );
      }
    }
  },
} as const;
