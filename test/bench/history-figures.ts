import { performance } from 'node:perf_hooks';
import type Database from 'better-sqlite3';
import { createBatchQueries } from '../../main/batches/batch-queries.ts';
import { createBatchRepository } from '../../main/batches/batch-repository.ts';
import { createHistoryQueries } from '../../main/batches/history-queries.ts';
import { openLedger } from '../../main/ledger/open-ledger.ts';
import { createTempDir } from '../support/temp-dir.ts';
import { figure, type Figure } from './figure.ts';

const batchCount = 1_000;
const rowsPerBatch = 1_000;
const searches = 200;

/** 1,000 batches of 1,000 rows straight in SQL, through the ledger's own triggers and indexes. */
const generateLedger = (db: Database.Database): void => {
  db.transaction(() => {
    db.exec(`WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${String(batchCount - 1)})
      INSERT INTO batches (id, name, environment, provider, delivery_type, status, reviewed_cost_cents,
        currency_code, created_at, updated_at, operator, sent_at, finished_at)
      SELECT printf('%08d', i), 'Batch ' || i, CASE WHEN i % 10 = 0 THEN 'production' ELSE 'sandbox' END,
        'bench', 'DigitalDelivery', 'completed', ${String(rowsPerBatch * 2438)}, 'USD',
        strftime('%Y-%m-%dT%H:%M:%fZ', '2025-01-01', '+' || (i * 8) || ' hours'),
        strftime('%Y-%m-%dT%H:%M:%fZ', '2025-01-01', '+' || (i * 8) || ' hours'), 'bench@host',
        strftime('%Y-%m-%dT%H:%M:%fZ', '2025-01-01', '+' || (i * 8) || ' hours'),
        strftime('%Y-%m-%dT%H:%M:%fZ', '2025-01-01', '+' || (i * 8 + 1) || ' hours')
      FROM n`);
    db.exec(`WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${String(batchCount * rowsPerBatch - 1)})
      INSERT INTO batch_rows (batch_id, row_no, revision, po_number, payload_json, payload_hash, recipient_key,
        recipient_label, product_id, amount_cents, quantity, cost_cents, state, order_id, attempts, updated_at,
        first_name, last_name, email, sms, reference, product_name, state_at)
      SELECT printf('%08d', i / ${String(rowsPerBatch)}), i % ${String(rowsPerBatch)} + 1, 1,
        printf('GB-%08d-%04d', i / ${String(rowsPerBatch)}, i % ${String(rowsPerBatch)} + 1), '{}', 'h',
        'email:person' || i || '@example.org', 'Person ' || i,
        CASE WHEN i % 3 = 0 THEN 'CONTOSO-BOOKS' ELSE 'NORTHWIND-COFFEE' END, 2500, 1, 2438,
        CASE WHEN i % 50 = 0 THEN 'failed' ELSE 'fulfilled' END, 'ORD-' || i, 1, '2025-01-01T00:00:00.000Z',
        'First' || (i % 5000), 'Last' || (i % 997), 'person' || i || '@example.org',
        printf('+1212%07d', i), 'E-' || i, 'Card', '2025-01-01T00:00:00.000Z'
      FROM n`);
  })();
};

const percentile = (values: readonly number[], share: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? 0;
};

/**
 * History's search by email over a ledger of 1,000,000 rows: what the screen asks for one search (the
 * page of batches with the term, their totals, and the first page of matching rows), p95 of 200 searches
 * for random recipients.
 */
export const historySearchP95 = async (): Promise<Figure[]> => {
  const dir = await createTempDir('giftbatch-bench-history-');
  const db = openLedger(dir.path);
  try {
    const started = performance.now();
    generateLedger(db);
    const generatedMs = performance.now() - started;
    const history = createHistoryQueries(db, createBatchQueries({ repository: createBatchRepository(db) }));
    const sort = { column: 'createdAt', direction: 'desc' } as const;
    const listStarted = performance.now();
    history.list({ filter: {}, sort: { column: 'chargedCost', direction: 'desc' }, limit: 50, offset: 0 });
    const unfilteredMs = performance.now() - listStarted;
    const times: number[] = [];
    let found = 0;
    for (let run = 0; run < searches; run += 1) {
      const row = Math.floor(Math.random() * batchCount * rowsPerBatch);
      const filter = { search: `Person${String(row)}@Example.org`.toLowerCase() };
      const at = performance.now();
      history.list({ filter, sort, limit: 50, offset: 0 });
      const matches = history.searchRows({ filter, limit: 50, offset: 0 });
      times.push(performance.now() - at);
      found += matches.rows.length;
    }
    if (found < searches)
      throw new Error(`only ${String(found)} of ${String(searches)} searches found their row`);
    return [
      figure(
        'history-search-1m-p95',
        percentile(times, 0.95),
        'ms',
        50,
        `${String(searches)} searches by email over ${String(batchCount)} batches / ${(batchCount * rowsPerBatch).toLocaleString('en-US')} rows; ` +
          `median ${percentile(times, 0.5).toFixed(1)} ms; unfiltered first page sorted by charged cost ` +
          `${unfilteredMs.toFixed(0)} ms; ledger generated in ${(generatedMs / 1000).toFixed(0)} s`,
      ),
    ];
  } finally {
    db.close();
    await dir.remove();
  }
};
