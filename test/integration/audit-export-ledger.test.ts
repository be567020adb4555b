import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import { beforeEach, expect, it } from 'vitest';
import { auditManifestSchema } from '../../common/contract/audit.ts';
import type { BatchRecord, BatchRowRecord } from '../../main/batches/batch-records.ts';
import type { BatchSource } from '../../main/batches/prepare-batch.ts';
import { exportAuditReport } from '../../main/export/export-audit-report.ts';
import { recipientRows, staffBatchSource, type EngineHarness } from '../support/engine-harness.ts';
import type { TempDir } from '../support/temp-dir.ts';
import { useEngineHarness } from '../support/use-engine-harness.ts';

const engines = useEngineHarness();
let dir: TempDir;
let harness: EngineHarness;
beforeEach(async () => {
  dir = await engines.tempDir('giftbatch-audit-export-');
  harness = await engines.start({ dataDir: path.join(dir.path, 'data') });
});

const context = {
  exportedBy: () => ({ user: 'auditor', host: 'desk' }),
  appVersion: '0.1.0-test',
  now: () => new Date(),
};

const sendSource = async (source: BatchSource): Promise<string> => {
  const batchId = await harness.commitSource(source);
  const ran = await harness.engine.run(batchId);
  if (!ran.ok) throw new Error(ran.error.message);
  return batchId;
};

const utc = (iso: string | null): string =>
  iso === null ? '' : new Date(iso).toISOString().replace('Z', '+00:00');
const money = (cents: number): string => (cents / 100).toFixed(2);

/** What the CSV must say for a ledger row, written from the tables directly, not through the exporter. */
const expectedLine = (batch: BatchRecord, row: BatchRowRecord, headers: readonly string[]) => {
  const extras = JSON.parse(row.extras_json ?? '{}') as Record<string, string>;
  const failure =
    row.failure_json === null ? '' : (JSON.parse(row.failure_json) as { message: string }).message;
  return {
    batch_id: batch.id,
    batch_name: batch.name,
    environment: batch.environment,
    operator: batch.operator ?? '',
    created_at: utc(batch.created_at),
    sent_at: utc(batch.sent_at),
    finished_at: utc(batch.finished_at),
    row: String(row.row_no),
    reference: row.reference ?? '',
    first_name: row.first_name ?? '',
    last_name: row.last_name ?? '',
    email: row.email ?? '',
    sms: row.sms ?? '',
    delivery_type: batch.delivery_type,
    product_id: row.product_id,
    product_name: row.product_name ?? '',
    face_value: money(row.amount_cents),
    quantity: String(row.quantity),
    cost: money(row.cost_cents),
    currency: batch.currency_code,
    po_number: row.po_number,
    order_id: row.order_id ?? '',
    status: row.state,
    status_at: utc(row.state_at),
    failure_reason: failure,
    attempts: String(row.attempts),
    ...Object.fromEntries(headers.map((header) => [header, extras[header] ?? ''])),
  };
};

/** The expected lines of these batches; a multi-batch CSV has every batch's kept-aside headers. */
const ledgerLines = (batchIds: readonly string[]) => {
  const batches = batchIds.map((batchId) => {
    const batch = harness.db
      .prepare<[string], BatchRecord>('SELECT * FROM batches WHERE id = ?')
      .get(batchId);
    if (batch === undefined) throw new Error(`no batch ${batchId}`);
    return batch;
  });
  const headers = [
    ...new Set(batches.flatMap((batch) => JSON.parse(batch.kept_aside_headers_json ?? '[]') as string[])),
  ];
  return batches.flatMap((batch) =>
    harness.db
      .prepare<[string], BatchRowRecord>('SELECT * FROM batch_rows WHERE batch_id = ? ORDER BY row_no')
      .all(batch.id)
      .map((row) => expectedLine(batch, row, headers)),
  );
};

const readCsv = async (file: string) => {
  const text = await readFile(file, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
  return { rows: parsed.data, header: parsed.meta.fields ?? [] };
};

const localDay = (offsetDays: number): string => {
  const date = new Date();
  date.setDate(date.getDate() + offsetDays);
  return [date.getFullYear(), date.getMonth() + 1, date.getDate()]
    .map((part) => String(part).padStart(2, '0'))
    .join('-');
};

it('exports one batch: every row equals the ledger field by field, with kept-aside columns and the ledger head', async () => {
  const batchId = await sendSource(staffBatchSource);
  const csvPath = path.join(dir.path, 'audit.csv');
  const written = await exportAuditReport(
    { ...context, dataDir: harness.dataDir },
    { batchIds: [batchId] },
    csvPath,
  );
  expect(written.ok && written.value).toMatchObject({ rowCount: 2, batchCount: 1 });

  const csv = await readCsv(csvPath);
  expect(csv.header.slice(-3)).toEqual(['Department', 'Hire date', 'Site']);
  expect(csv.rows).toEqual(ledgerLines([batchId]));
  expect(csv.rows[1]?.sms).toBe('+12125550123');

  const manifest = auditManifestSchema.parse(
    JSON.parse(await readFile(path.join(dir.path, 'audit.manifest.json'), 'utf8')),
  );
  const head = harness.db.prepare('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1').get();
  expect(manifest.ledgerHead).toEqual(head);
  expect(manifest).toMatchObject({
    rowCount: 2,
    filter: { batchIds: [batchId] },
    exportedBy: { user: 'auditor' },
  });
}, 30_000);

it('exports a range of local dates across batches, inclusive, and nothing when no batch matches', async () => {
  const older = await sendSource(staffBatchSource);
  const newer = await sendSource({
    ...staffBatchSource,
    name: 'Spot awards',
    rows: recipientRows(3).map((values) => ({ id: null, values })),
  });
  // The older batch was created three days ago (local dates): moved back in the ledger to set the scene.
  const threeDaysAgo = new Date();
  threeDaysAgo.setDate(threeDaysAgo.getDate() - 3);
  harness.db.prepare('UPDATE batches SET created_at = ? WHERE id = ?').run(threeDaysAgo.toISOString(), older);

  const todayOnly = path.join(dir.path, 'today.csv');
  const today = await exportAuditReport(
    { ...context, dataDir: harness.dataDir },
    { from: localDay(0), to: localDay(0) },
    todayOnly,
  );
  expect(today.ok && today.value.batchCount).toBe(1);
  expect((await readCsv(todayOnly)).rows).toEqual(ledgerLines([newer]));

  const both = path.join(dir.path, 'both.csv');
  const range = await exportAuditReport(
    { ...context, dataDir: harness.dataDir },
    { from: localDay(-3), to: localDay(0) },
    both,
  );
  expect(range.ok && range.value).toMatchObject({ batchCount: 2, rowCount: 5 });
  expect((await readCsv(both)).rows).toEqual(ledgerLines([older, newer]));

  const none = await exportAuditReport(
    { ...context, dataDir: harness.dataDir },
    { from: localDay(-10), to: localDay(-5) },
    path.join(dir.path, 'none.csv'),
  );
  expect(none.ok ? none.value : none.error.code).toBe('nothing_matched');
}, 30_000);

it('reads rows committed before the ledger kept recipients from their order payload', async () => {
  const batchId = await sendSource(staffBatchSource);
  harness.db
    .prepare(
      'UPDATE batch_rows SET first_name = NULL, last_name = NULL, email = NULL, sms = NULL, reference = NULL, product_name = NULL, extras_json = NULL WHERE batch_id = ?',
    )
    .run(batchId);
  const csvPath = path.join(dir.path, 'old.csv');
  await exportAuditReport({ ...context, dataDir: harness.dataDir }, { batchIds: [batchId] }, csvPath);
  const { rows } = await readCsv(csvPath);
  expect(rows.map((row) => [row.email, row.sms, row.product_name])).toEqual([
    ['deb@example.org', '', 'NORTHWIND-COFFEE'],
    ['sam@example.org', '+12125550123', 'NORTHWIND-COFFEE'],
  ]);
}, 30_000);
