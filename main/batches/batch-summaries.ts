import type Database from 'better-sqlite3';
import type { BatchDetail, BatchSummary } from '../../common/contract/batches.ts';
import { defaultPhoneCountry } from '../../common/recipients/countries.ts';
import {
  checkBatchState,
  countsFrom,
  parsePauseReason,
  toRowView,
  type BatchRecord,
  type BatchRowRecord,
} from './batch-records.ts';

/** What the screens and the CLI show of batches: read-only queries over the ledger. */
export const createBatchSummaries = (db: Database.Database) => {
  const selectBatch = db.prepare<[string], BatchRecord>('SELECT * FROM batches WHERE id = ?');
  const selectBatches = db.prepare<[], BatchRecord>('SELECT * FROM batches ORDER BY created_at DESC');
  const selectCounts = db.prepare<[string], { state: string; count: number }>(
    'SELECT state, COUNT(*) AS count FROM batch_rows WHERE batch_id = ? GROUP BY state',
  );
  // Charged cost has one definition, kept up to date by the ledger's triggers (migration 0007).
  const selectCosts = db.prepare<
    [{ id: string }],
    { fulfilled: number | null; charged: number | null; first: string; last: string }
  >(
    `SELECT SUM(CASE WHEN state = 'fulfilled' THEN cost_cents ELSE 0 END) AS fulfilled,
       (SELECT charged_cents FROM batch_stats WHERE batch_id = @id) AS charged,
       MIN(po_number) AS first, MAX(po_number) AS last FROM batch_rows WHERE batch_id = @id`,
  );
  const selectRows = db.prepare<[string], BatchRowRecord>(
    'SELECT * FROM batch_rows WHERE batch_id = ? ORDER BY row_no',
  );

  /** `ownerId`: the asking process, so a lease it holds itself is not "sending elsewhere". */
  const summaryOf = (record: BatchRecord, nowMs: number, ownerId?: string): BatchSummary => {
    const costs = selectCosts.get({ id: record.id });
    return {
      id: record.id,
      name: record.name,
      status: checkBatchState(record.status),
      deliveryType: record.delivery_type,
      defaultCountry: record.default_country ?? defaultPhoneCountry,
      environment: record.environment,
      createdAt: record.created_at,
      updatedAt: record.updated_at,
      counts: countsFrom(selectCounts.all(record.id)),
      reviewedCostCents: record.reviewed_cost_cents,
      fulfilledCostCents: costs?.fulfilled ?? 0,
      chargedCostCents: costs?.charged ?? 0,
      currencyCode: record.currency_code,
      firstPoNumber: costs?.first ?? '',
      lastPoNumber: costs?.last ?? '',
      pauseReason: parsePauseReason(record.pause_reason_json),
      sendingElsewhere:
        record.lease_owner !== null && record.lease_owner !== ownerId && (record.lease_until ?? 0) >= nowMs,
    };
  };

  return {
    summary: (batchId: string, nowMs: number, ownerId?: string): BatchSummary | undefined => {
      const record = selectBatch.get(batchId);
      return record === undefined ? undefined : summaryOf(record, nowMs, ownerId);
    },
    list: (nowMs: number, ownerId?: string): BatchSummary[] =>
      selectBatches.all().map((record) => summaryOf(record, nowMs, ownerId)),
    detail: (batchId: string, nowMs: number, ownerId?: string): BatchDetail | undefined => {
      const record = selectBatch.get(batchId);
      if (record === undefined) return undefined;
      return { summary: summaryOf(record, nowMs, ownerId), rows: selectRows.all(batchId).map(toRowView) };
    },
  };
};
