import type Database from 'better-sqlite3';
import type { PauseReason, RowFailure } from '../../common/contract/batches.ts';
import { canMoveBatch, canMoveRow, type BatchState, type RowState } from '../../common/batches/states.ts';
import type { CreateOrderRequest } from '../api/order-types.ts';
import {
  checkBatchState,
  checkRowState,
  toRowView,
  type BatchRecord,
  type BatchRowRecord,
} from './batch-records.ts';
import { createBatchLease } from './batch-lease.ts';
import { createBatchRecords } from './create-batch-records.ts';
import { createStartTimeWriter } from './batch-start-time.ts';
import { createBatchSummaries } from './batch-summaries.ts';
import { createEventLog } from './event-log.ts';
import { createAuditedWrites } from './audited-writes.ts';
import {
  hashPayload,
  type NewBatch,
  type OrderOutcome,
  type PendingRow,
  type QueuedRow,
  type RowToSend,
} from './batch-types.ts';
import { createRowReviser, type RevisedRow, type RowRevision } from './revise-row-ledger.ts';
import { LedgerConflict } from './ledger-conflict.ts';

export { LedgerConflict } from './ledger-conflict.ts';
export type { NewBatch, NewBatchRow, OrderOutcome, PendingRow, QueuedRow, RowToSend } from './batch-types.ts';

/** Each HTTP exchange behind one outcome ("POST v1/Orders 504", …), for the event log. */
const requestsDetail = (requests: readonly string[]) => (requests.length === 0 ? {} : { requests });

/**
 * Batches in the ledger. Every change is one IMMEDIATE transaction together with its event, so a crash
 * leaves either both or neither, and two processes never interleave inside one change.
 */
export const createBatchRepository = (db: Database.Database, now: () => Date = () => new Date()) => {
  const events = createEventLog(db, now);
  const writes = createAuditedWrites(db, events);
  const stamp = () => now().toISOString();
  const immediate = <A extends unknown[], R>(fn: (...args: A) => R) => {
    const transaction = db.transaction(fn);
    return (...args: A): R => transaction.immediate(...args);
  };

  const selectBatch = db.prepare<[string], BatchRecord>('SELECT * FROM batches WHERE id = ?');
  const selectRows = db.prepare<[string], BatchRowRecord>(
    'SELECT * FROM batch_rows WHERE batch_id = ? ORDER BY row_no',
  );
  const selectRow = db.prepare<[string, number], BatchRowRecord>(
    'SELECT * FROM batch_rows WHERE batch_id = ? AND row_no = ?',
  );
  const selectToSend = db.prepare<[string], BatchRowRecord>(
    `SELECT * FROM batch_rows WHERE batch_id = ? AND state IN ('submitting', 'queued')
     ORDER BY CASE state WHEN 'submitting' THEN 0 ELSE 1 END, row_no`,
  );
  const selectPending = db.prepare<[string], BatchRowRecord>(
    `SELECT * FROM batch_rows WHERE batch_id = ? AND state = 'pending' ORDER BY next_poll_at`,
  );
  const selectUnsentCost = db.prepare<[string], { cost: number | null }>(
    `SELECT SUM(cost_cents) AS cost FROM batch_rows WHERE batch_id = ? AND state IN ('queued', 'submitting')`,
  );
  const selectPo = db.prepare<[string], { payload_hash: string }>(
    'SELECT payload_hash FROM po_numbers WHERE po_number = ?',
  );
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

    /** Rows to send, those interrupted mid-request first (they are re-sent under the same PO number). */
    rowsToSend: (batchId: string): QueuedRow[] =>
      selectToSend.all(batchId).map((row) => ({
        rowNo: row.row_no,
        poNumber: row.po_number,
        outcomeOpen: row.state === 'submitting',
        request: JSON.parse(row.payload_json) as CreateOrderRequest, // written by `create` from this type
      })),

    /** What the rows not yet sent will cost, as reviewed: the basis of a shortfall. */
    unsentCostCents: (batchId: string): number => selectUnsentCost.get(batchId)?.cost ?? 0,

    pendingRows: (batchId: string): PendingRow[] =>
      selectPending.all(batchId).map((row) => ({
        rowNo: row.row_no,
        orderId: row.order_id ?? '',
        quantity: row.quantity,
        pendingSince: row.pending_since ?? 0,
        nextPollAt: row.next_poll_at ?? 0,
        pollDelayMs: row.poll_delay_ms ?? 0,
      })),

    /**
     * Committed before the request goes out. The stored payload is checked against the hash its PO number
     * was issued with, so a PO number can never carry a different payload.
     */
    markSubmitting: immediate((batchId: string, rowNo: number): RowToSend => {
      const row = rowRecord(batchId, rowNo);
      const issued = selectPo.get(row.po_number);
      if (issued?.payload_hash !== row.payload_hash || hashPayload(row.payload_json) !== row.payload_hash) {
        throw new LedgerConflict(`PO number ${row.po_number} does not match the payload it was issued for.`);
      }
      moveRow(
        row,
        'submitting',
        { attempts: row.attempts + 1, submitted_at: row.submitted_at ?? stamp() },
        { kind: 'order.request', detail: { attempt: row.attempts + 1 } },
      );
      return {
        rowNo,
        poNumber: row.po_number,
        request: JSON.parse(row.payload_json) as CreateOrderRequest, // written by `create` from this type
      };
    }),

    recordOrder: immediate(
      (
        batchId: string,
        rowNo: number,
        outcome: OrderOutcome,
        poll?: { at: number; delayMs: number },
        requests: readonly string[] = [],
      ): void => {
        const row = rowRecord(batchId, rowNo);
        moveRow(
          row,
          outcome.state,
          {
            order_id: outcome.orderId,
            cost_cents: outcome.costCents ?? row.cost_cents,
            claim_links: outcome.claimLinks,
            failure_json:
              outcome.state === 'failed'
                ? JSON.stringify({
                    kind: 'order_failed',
                    message: `The provider reports order ${outcome.orderId} as ${outcome.providerStatus}.`,
                    retry: 'edit',
                  } satisfies RowFailure)
                : outcome.note === undefined
                  ? null
                  : JSON.stringify(outcome.note),
            pending_since:
              outcome.state === 'pending' ? (row.pending_since ?? poll?.at ?? null) : row.pending_since,
            next_poll_at: outcome.state === 'pending' && poll !== undefined ? poll.at + poll.delayMs : null,
            poll_delay_ms: outcome.state === 'pending' && poll !== undefined ? poll.delayMs : null,
          },
          {
            kind: outcome.via === 'poll' ? 'order.poll' : 'order.response',
            detail: {
              class: outcome.via,
              orderId: outcome.orderId,
              status: outcome.providerStatus,
              ...requestsDetail(requests),
            },
          },
        );
      },
    ),

    /** The provider made no order (422, 401, 403): the row waits in the queue for the batch to resume. */
    returnToQueue: immediate(
      (batchId: string, rowNo: number, responseClass: string, requests: readonly string[] = []): void => {
        moveRow(
          rowRecord(batchId, rowNo),
          'queued',
          {},
          { kind: 'order.response', detail: { class: responseClass, ...requestsDetail(requests) } },
        );
      },
    ),

    /**
     * Requests made for a row whose outcome stays open (the batch stopped, or a refusal that cannot
     * settle an earlier request): recorded, state unchanged.
     */
    noteRequests: immediate(
      (batchId: string, rowNo: number, requests: readonly string[], responseClass = 'abandoned'): void => {
        const row = rowRecord(batchId, rowNo);
        events.append({
          batchId,
          rowNo,
          kind: 'order.response',
          detail: { po: row.po_number, class: responseClass, ...requestsDetail(requests) },
        });
      },
    ),

    failRow: immediate(
      (
        batchId: string,
        rowNo: number,
        to: 'failed' | 'needs_review',
        failure: RowFailure,
        responseClass: string,
        requests: readonly string[] = [],
      ) => {
        moveRow(
          rowRecord(batchId, rowNo),
          to,
          { failure_json: JSON.stringify(failure), next_poll_at: null },
          {
            kind: 'order.response',
            detail: { class: responseClass, failure: failure.kind, ...requestsDetail(requests) },
          },
        );
      },
    ),

    /**
     * A poll that found the order still pending: when to look again, and the row's note on its status
     * (null once the status is understood again; undefined leaves it as it is).
     */
    reschedulePoll: immediate(
      (
        batchId: string,
        rowNo: number,
        status: string,
        nextPollAt: number,
        delayMs: number,
        note?: RowFailure | null,
      ) => {
        const row = rowRecord(batchId, rowNo);
        const noteJson = note === undefined || note === null ? null : JSON.stringify(note);
        writes.updateRow(
          row,
          {
            next_poll_at: nextPollAt,
            poll_delay_ms: delayMs,
            ...(note === undefined || noteJson === row.failure_json ? {} : { failure_json: noteJson }),
          },
          stamp(),
          { kind: 'order.poll', detail: { po: row.po_number, status } },
        );
      },
    ),

    /**
     * Failed rows that are safe to send again as they are (outcome unknown or transient) go back to the
     * queue under their own PO number: if the first attempt did reach the provider, the 409 finds it.
     */
    requeueRetryable: immediate((batchId: string): number => {
      let requeued = 0;
      for (const row of selectRows.all(batchId)) {
        const failure = row.failure_json === null ? null : (JSON.parse(row.failure_json) as RowFailure); // ours
        if ((row.state === 'failed' || row.state === 'needs_review') && failure?.retry === 'same_po') {
          // Its order may exist, so it goes back as `submitting`: sent again as it is, under its PO number,
          // never checked or cancelled as a row that was not sent. A pending order it finds gets a new
          // deadline, not the old one.
          moveRow(
            row,
            'submitting',
            { failure_json: null, pending_since: null, next_poll_at: null, poll_delay_ms: null },
            { kind: 'row.retry', detail: {} },
          );
          requeued += 1;
        }
      }
      return requeued;
    }),

    /**
     * A row the provider rejected, edited by the user, queued again under its next revision's PO number
     * (`GB-<batch>-<row>-R2`). Only a `failed` row whose failure asks for an edit, and never while a
     * sender holds the batch. The batch keeps its status: sending it again moves it on.
     */
    reviseRow: immediate((batchId: string, rowNo: number, revision: RowRevision): RevisedRow =>
      revise(batchId, rowNo, revision, now().getTime()),
    ),

    /** The order a row would place, as stored under its current PO number. */
    rowRequest: (batchId: string, rowNo: number): CreateOrderRequest =>
      JSON.parse(rowRecord(batchId, rowNo).payload_json) as CreateOrderRequest, // written from this type

    /**
     * Cancel: rows never sent are kept as cancelled; rows already sent stay as they are. A row left
     * `submitting` (its request unanswered when the batch paused) may have an order, and a cancelled
     * batch is never resumed to find out, so it goes to review rather than hide in that state.
     */
    cancel: immediate((batchId: string): void => {
      for (const row of selectRows.all(batchId)) {
        if (row.state === 'queued') moveRow(row, 'cancelled', {}, { kind: 'row.cancelled', detail: {} });
        if (row.state === 'submitting') {
          const failure: RowFailure = {
            kind: 'outcome_unknown',
            message: `The batch was cancelled before the provider answered for PO number ${row.po_number}: an order may exist. Check this PO number in the provider's portal.`,
            retry: 'none',
          };
          moveRow(
            row,
            'needs_review',
            { failure_json: JSON.stringify(failure) },
            { kind: 'row.cancelled', detail: { failure: failure.kind } },
          );
        }
      }
      moveBatch(batchId, 'cancelled', null);
    }),

    /** Where the batch's orders go: resuming it against another provider would place new orders there. */
    destination: (batchId: string): { environment: string; provider: string } => {
      const record = batchRecord(batchId);
      return { environment: record.environment, provider: record.provider };
    },
    ...createBatchLease(db, immediate),
  };
};

export type BatchRepository = ReturnType<typeof createBatchRepository>;
