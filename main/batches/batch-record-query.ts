import type Database from 'better-sqlite3';
import { z } from 'zod';
import { extrasSchema } from '../../common/contract/drafts.ts';
import type { BatchRecordView, RecordRow } from '../../common/contract/history.ts';
import type { CreateOrderRequest } from '../api/order-types.ts';
import type { BatchQueries } from './batch-queries.ts';
import { checkRowState, parseFailure, type BatchRecord, type BatchRowRecord } from './batch-records.ts';
import { describeTimeline, type TimelineEvent } from './batch-timeline.ts';

const originSchema = z.object({
  draftName: z.string().optional(),
  fileName: z.string().optional(),
  sha256: z.string().optional(),
});
const headersSchema = z.array(z.string());

/** Where the order went, as it was addressed: never a claim link, which only the provider holds. */
export const destinationOf = (request: CreateOrderRequest): string => {
  const line = request.lines[0];
  const physical = line?.physicalDeliveryAddress;
  if (physical !== undefined) {
    return [
      physical.name,
      physical.addressLine1,
      physical.addressLine2,
      physical.city,
      `${physical.state} ${physical.zip}`,
      physical.country,
    ]
      .filter((part) => part !== undefined && part !== '')
      .join(', ');
  }
  if (request.type === 'Links') return 'Claim link (from the provider on demand)';
  const digital = line?.digitalDeliveryAddress;
  return [digital?.email, digital?.sms].filter((part) => part !== undefined && part !== '').join(' · ');
};

const recordRowOf = (row: BatchRowRecord): RecordRow => {
  const request = JSON.parse(row.payload_json) as CreateOrderRequest; // written by `create` from this type
  return {
    rowNo: row.row_no,
    poNumber: row.po_number,
    revision: row.revision,
    firstName: row.first_name,
    lastName: row.last_name,
    recipient: row.recipient_label,
    reference: row.reference,
    productId: row.product_id,
    productName: row.product_name ?? row.product_id,
    faceValueCents: row.amount_cents,
    quantity: row.quantity,
    deliveryType: request.type,
    destination: destinationOf(request),
    costCents: row.cost_cents,
    orderId: row.order_id,
    state: checkRowState(row.state),
    stateAt: row.state_at ?? row.updated_at,
    attempts: row.attempts,
    failure: parseFailure(row.failure_json),
    extras: row.extras_json === null ? {} : extrasSchema.parse(JSON.parse(row.extras_json)),
  };
};

/**
 * One batch as the ledger alone records it (docs/architecture.md §1.5): who committed it and from
 * what, a page of its rows with every column they were sent with, and its timeline in words.
 */
export const createBatchRecordQuery = (db: Database.Database, batches: BatchQueries) => {
  const selectBatch = db.prepare<[string], BatchRecord>('SELECT * FROM batches WHERE id = ?');
  const selectRows = db.prepare<[string, number, number], BatchRowRecord>(
    'SELECT * FROM batch_rows WHERE batch_id = ? ORDER BY row_no LIMIT ? OFFSET ?',
  );
  const selectEvents = db.prepare<
    [string],
    { at: string; row_no: number | null; kind: string; detail_json: string | null; to_state: unknown }
  >(
    `SELECT at, row_no, kind, CASE WHEN row_no IS NULL THEN detail_json END AS detail_json,
       CASE WHEN row_no IS NOT NULL AND json_valid(detail_json) THEN json_extract(detail_json, '$.to') END AS to_state
     FROM events WHERE batch_id = ? ORDER BY seq`,
  );
  const selectLastPause = db.prepare<[string], { at: string | null }>(
    `SELECT MAX(at) AS at FROM events WHERE batch_id = ? AND row_no IS NULL AND kind = 'batch.state'
       AND json_valid(detail_json) AND json_extract(detail_json, '$.to') = 'paused'`,
  );

  return (batchId: string, page: { limit: number; offset: number }): BatchRecordView | undefined => {
    const record = selectBatch.get(batchId);
    const summary = batches.summary(batchId);
    if (record === undefined || summary === undefined) return undefined;
    const origin = originSchema.parse(record.source_json === null ? {} : JSON.parse(record.source_json));
    const events = function* (): Generator<TimelineEvent> {
      for (const event of selectEvents.iterate(batchId)) {
        yield {
          at: event.at,
          rowNo: event.row_no,
          kind: event.kind,
          detailJson: event.detail_json,
          toState: event.to_state,
        };
      }
    };
    return {
      summary,
      provider: record.provider,
      operator: record.operator,
      origin,
      sentAt: record.sent_at,
      finishedAt: record.finished_at,
      keptAsideHeaders:
        record.kept_aside_headers_json === null
          ? []
          : headersSchema.parse(JSON.parse(record.kept_aside_headers_json)),
      rows: selectRows.all(batchId, page.limit, page.offset).map(recordRowOf),
      rowTotal: summary.counts.rows,
      timeline: describeTimeline(
        events(),
        {
          operator: record.operator,
          origin,
          currencyCode: record.currency_code,
          pauseMessage: summary.pauseReason?.message ?? null,
        },
        summary.status === 'paused' ? (selectLastPause.get(batchId)?.at ?? null) : null,
      ),
    };
  };
};

export type BatchRecordQuery = ReturnType<typeof createBatchRecordQuery>;
