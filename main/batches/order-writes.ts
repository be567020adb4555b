import type Database from 'better-sqlite3';
import type { RowFailure } from '../../common/contract/batches.ts';
import type { CreateOrderRequest } from '../api/order-types.ts';
import type { AuditedWrites } from './audited-writes.ts';
import type { BatchMoves, Immediate } from './batch-moves.ts';
import type { BatchRowRecord } from './batch-records.ts';
import {
  hashPayload,
  type OrderOutcome,
  type PendingRow,
  type QueuedRow,
  type RowToSend,
} from './batch-types.ts';
import type { EventLog } from './event-log.ts';
import { LedgerConflict } from './ledger-conflict.ts';

/** Each HTTP exchange behind one outcome ("POST v1/Orders 504", …), for the event log. */
const requestsDetail = (requests: readonly string[]) => (requests.length === 0 ? {} : { requests });

/** The order a row places, as stored under its current PO number. */
const storedRequest = (row: BatchRowRecord) => JSON.parse(row.payload_json) as CreateOrderRequest; // written by `create` from this type

interface OrderWritesDeps {
  readonly db: Database.Database;
  readonly events: EventLog;
  readonly writes: AuditedWrites;
  readonly moves: BatchMoves;
  readonly stamp: () => string;
  readonly immediate: Immediate;
}

/** What the sender reads and writes about each row's order: its request, its outcome, its polls. */
export const createOrderWrites = ({ db, events, writes, moves, stamp, immediate }: OrderWritesDeps) => {
  const { rowRecord, moveRow } = moves;
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

  return {
    /** Rows to send, those interrupted mid-request first (they are re-sent under the same PO number). */
    rowsToSend: (batchId: string): QueuedRow[] =>
      selectToSend.all(batchId).map((row) => ({
        rowNo: row.row_no,
        poNumber: row.po_number,
        outcomeOpen: row.state === 'submitting',
        request: storedRequest(row),
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

    /** The order a row would place, as stored under its current PO number. */
    rowRequest: (batchId: string, rowNo: number): CreateOrderRequest =>
      storedRequest(rowRecord(batchId, rowNo)),

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
      return { rowNo, poNumber: row.po_number, request: storedRequest(row) };
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
  };
};
