import type Database from 'better-sqlite3';
import type { BatchCounts, BatchDetail, BatchSummary } from '../../common/contract/batches.ts';
import { defaultPhoneCountry } from '../../common/recipients/countries.ts';
import {
  addCounts,
  checkBatchState,
  emptyCounts,
  parsePauseReason,
  toRowView,
  type BatchRecord,
  type BatchRowRecord,
  type StateCountsRecord,
} from './batch-records.ts';

interface BatchStatsRecord extends StateCountsRecord {
  fulfilled_cents: number;
  charged_cents: number;
  charged_unknown_rows: number;
  charged_unknown_cents: number;
}

const countsOf = (stats: BatchStatsRecord | undefined): BatchCounts =>
  stats === undefined ? emptyCounts() : addCounts(emptyCounts(), stats);

/** What the screens and the CLI show of batches: read-only queries over the ledger. */
export const createBatchSummaries = (db: Database.Database) => {
  const selectBatch = db.prepare<[string], BatchRecord>('SELECT * FROM batches WHERE id = ?');
  const selectBatches = db.prepare<[], BatchRecord>('SELECT * FROM batches ORDER BY created_at DESC');
  const selectWaiting = db.prepare<[], BatchRecord>(
    "SELECT * FROM batches WHERE status = 'ready' AND scheduled_for IS NOT NULL ORDER BY scheduled_for",
  );
  // Counts and costs are kept by the ledger's triggers (migrations 0007 and 0010), the one definition of
  // charged and charged-unknown cost, so a summary never scans its batch's rows.
  const selectStats = db.prepare<[string], BatchStatsRecord>('SELECT * FROM batch_stats WHERE batch_id = ?');
  const selectFirstPo = db.prepare<[string], { po_number: string }>(
    'SELECT po_number FROM batch_rows WHERE batch_id = ? ORDER BY row_no LIMIT 1',
  );
  const selectLastPo = db.prepare<[string], { po_number: string }>(
    'SELECT po_number FROM batch_rows WHERE batch_id = ? ORDER BY row_no DESC LIMIT 1',
  );
  const selectRows = db.prepare<[string], BatchRowRecord>(
    'SELECT * FROM batch_rows WHERE batch_id = ? ORDER BY row_no',
  );

  /** `ownerId`: the asking process, so a lease it holds itself is not "sending elsewhere". */
  const summaryOf = (record: BatchRecord, nowMs: number, ownerId?: string): BatchSummary => {
    const stats = selectStats.get(record.id);
    return {
      id: record.id,
      name: record.name,
      status: checkBatchState(record.status),
      deliveryType: record.delivery_type,
      defaultCountry: record.default_country ?? defaultPhoneCountry,
      environment: record.environment,
      createdAt: record.created_at,
      updatedAt: record.updated_at,
      counts: countsOf(stats),
      reviewedCostCents: record.reviewed_cost_cents,
      fulfilledCostCents: stats?.fulfilled_cents ?? 0,
      chargedCostCents: stats?.charged_cents ?? 0,
      chargedUnknownCostCents: stats?.charged_unknown_cents ?? 0,
      chargedUnknownRows: stats?.charged_unknown_rows ?? 0,
      currencyCode: record.currency_code,
      firstPoNumber: selectFirstPo.get(record.id)?.po_number ?? '',
      lastPoNumber: selectLastPo.get(record.id)?.po_number ?? '',
      pauseReason: parsePauseReason(record.pause_reason_json),
      sendingElsewhere:
        record.lease_owner !== null && record.lease_owner !== ownerId && (record.lease_until ?? 0) >= nowMs,
      scheduledFor: record.scheduled_for,
    };
  };

  return {
    summary: (batchId: string, nowMs: number, ownerId?: string): BatchSummary | undefined => {
      const record = selectBatch.get(batchId);
      return record === undefined ? undefined : summaryOf(record, nowMs, ownerId);
    },
    list: (nowMs: number, ownerId?: string): BatchSummary[] =>
      selectBatches.all().map((record) => summaryOf(record, nowMs, ownerId)),
    /** Committed batches waiting for their start time, soonest first. */
    scheduled: (nowMs: number, ownerId?: string): BatchSummary[] =>
      selectWaiting.all().map((record) => summaryOf(record, nowMs, ownerId)),
    detail: (batchId: string, nowMs: number, ownerId?: string): BatchDetail | undefined => {
      const record = selectBatch.get(batchId);
      if (record === undefined) return undefined;
      return { summary: summaryOf(record, nowMs, ownerId), rows: selectRows.all(batchId).map(toRowView) };
    },
  };
};
