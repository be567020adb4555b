import type Database from 'better-sqlite3';
import type { PauseReason } from '../../common/contract/batches.ts';
import type { BatchState } from '../../common/batches/states.ts';
import { checkBatchState, toRowView } from './batch-records.ts';
import { createBatchLease } from './batch-lease.ts';
import { createBatchMoves, immediateOn } from './batch-moves.ts';
import { createBatchRecords } from './create-batch-records.ts';
import { createStartTimeWriter } from './batch-start-time.ts';
import { createBatchSummaries } from './batch-summaries.ts';
import { createEventLog } from './event-log.ts';
import { createAuditedWrites } from './audited-writes.ts';
import type { NewBatch } from './batch-types.ts';
import { createOrderWrites } from './order-writes.ts';
import { createRetryAndCancel } from './retry-and-cancel.ts';
import { createRowReviser, type RevisedRow, type RowRevision } from './revise-row-ledger.ts';
import { LedgerConflict } from './ledger-conflict.ts';

export { LedgerConflict } from './ledger-conflict.ts';
export type { NewBatch, NewBatchRow, OrderOutcome, PendingRow, QueuedRow, RowToSend } from './batch-types.ts';

/**
 * Batches in the ledger. Every change is one IMMEDIATE transaction together with its event, so a crash
 * leaves either both or neither, and two processes never interleave inside one change.
 */
export const createBatchRepository = (db: Database.Database, now: () => Date = () => new Date()) => {
  const events = createEventLog(db, now);
  const writes = createAuditedWrites(db, events);
  const stamp = () => now().toISOString();
  const immediate = immediateOn(db);
  const moves = createBatchMoves(db, writes, stamp);
  const { batchRecord, rowRecord, moveBatch } = moves;

  const selectDraftBatch = db.prepare<[string], { id: string; created_at: string }>(
    'SELECT id, created_at FROM batches WHERE draft_id = ? ORDER BY created_at, id LIMIT 1',
  );
  const draftBatch = (draftId: string) => {
    const found = selectDraftBatch.get(draftId);
    return found === undefined ? undefined : { id: found.id, createdAt: found.created_at };
  };
  const createRecords = createBatchRecords(db, writes, stamp);
  const revise = createRowReviser({
    db,
    writes,
    stamp,
    refuse: (message) => new LedgerConflict(message),
  });

  return {
    events,

    /**
     * Commits a reviewed batch as `ready`, each row with its PO number, before any request is made. A
     * draft becomes one batch at most (docs/architecture.md §1.8): asked inside the same transaction, so
     * two processes committing one draft cannot both succeed.
     */
    create: immediate((batch: NewBatch): void => {
      const earlier = batch.draftId === null ? undefined : draftBatch(batch.draftId);
      if (earlier !== undefined) {
        throw new LedgerConflict(`The draft was already sent as batch ${earlier.id}.`);
      }
      createRecords(batch);
    }),

    /** The batch a draft was committed as, if any (the first, for a ledger from before drafts closed). */
    draftBatch,

    ...createBatchSummaries(db),
    rowView: (batchId: string, rowNo: number) => toRowView(rowRecord(batchId, rowNo)),
    status: (batchId: string): BatchState => checkBatchState(batchRecord(batchId).status),

    /** Sets (or with null clears) when a committed batch starts by itself. */
    setStartTime: immediate(createStartTimeWriter(writes, batchRecord, stamp)),

    setStatus: immediate((batchId: string, to: BatchState, reason: PauseReason | null = null): void => {
      moveBatch(batchId, to, reason);
    }),

    ...createOrderWrites({ db, events, writes, moves, stamp, immediate }),
    ...createRetryAndCancel(moves, immediate),

    /**
     * A row the provider rejected, edited by the user, queued again under its next revision's PO number
     * (`GB-<batch>-<row>-R2`). Only a `failed` row whose failure asks for an edit, and never while a
     * sender holds the batch. The batch keeps its status: sending it again moves it on.
     */
    reviseRow: immediate((batchId: string, rowNo: number, revision: RowRevision): RevisedRow =>
      revise(batchId, rowNo, revision, now().getTime()),
    ),

    /** Where the batch's orders go: resuming it against another provider would place new orders there. */
    destination: (batchId: string): { environment: string; provider: string } => {
      const record = batchRecord(batchId);
      return { environment: record.environment, provider: record.provider };
    },
    ...createBatchLease(db, immediate),
  };
};

export type BatchRepository = ReturnType<typeof createBatchRepository>;
