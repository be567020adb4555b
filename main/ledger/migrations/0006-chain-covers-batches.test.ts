import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTempDir, type TempDir } from '../../../test/support/temp-dir.ts';
import { verifyLedger } from '../../audit/verify-ledger.ts';
import { createEventLog } from '../../batches/event-log.ts';
import { migrate, migrations } from '../migrate.ts';

let dir: TempDir;
let db: Database.Database;
beforeEach(async () => {
  dir = await createTempDir();
  db = new Database(path.join(dir.path, 'ledger.sqlite'));
});
afterEach(async () => {
  db.close();
  await dir.remove();
});

/** A batch as a GiftBatch before migration 6 wrote it: its event carries no record. */
const writeOldBatch = (id: string) => {
  db.prepare(
    `INSERT INTO batches (id, name, environment, provider, delivery_type, status, reviewed_cost_cents,
      currency_code, created_at, updated_at)
    VALUES (?, 'Old batch', 'sandbox', 'sandbox', 'DigitalDelivery', 'completed', 2438, 'USD',
      '2026-11-01T10:00:00.000Z', '2026-11-01T10:05:00.000Z')`,
  ).run(id);
  db.prepare(
    `INSERT INTO batch_rows (batch_id, row_no, revision, po_number, payload_json, payload_hash,
      recipient_label, product_id, amount_cents, quantity, cost_cents, state, updated_at)
    VALUES (?, 1, 1, ?, '{}', 'h', 'Pat <pat@example.org>', 'NORTHWIND-COFFEE', 2500, 1, 2438, 'fulfilled',
      '2026-11-01T10:04:00.000Z')`,
  ).run(id, `GB-${id}-0001`);
  createEventLog(db, () => new Date()).append({
    batchId: id,
    rowNo: null,
    kind: 'batch.ready',
    detail: { rows: 1 },
  });
};

it('baselines the batches recorded before it once, so they verify from the upgrade on', async () => {
  migrate(
    db,
    migrations.filter((migration) => migration.id <= 5),
  );
  writeOldBatch('ABCD2345');

  migrate(db);
  const kinds = () =>
    db
      .prepare<[], { kind: string }>('SELECT kind FROM events ORDER BY seq')
      .all()
      .map((event) => event.kind);
  expect(kinds()).toEqual(['batch.ready', 'batch.baseline', 'row.baseline']);
  expect(await verifyLedger(db)).toMatchObject({ intact: true, batches: 1, rows: 1 });

  migrate(db);
  expect(kinds()).toHaveLength(3);
  db.prepare("UPDATE batch_rows SET cost_cents = 1 WHERE batch_id = 'ABCD2345'").run();
  expect((await verifyLedger(db)).problems[0]).toMatchObject({
    rowNo: 1,
    field: 'cost_cents',
    expected: '2438',
    found: '1',
  });
});

it('gives a batch slipped in after the upgrade no baseline, and refuses deleting batches and rows', async () => {
  migrate(db);
  writeOldBatch('WXYZ6789');
  migrate(db);
  expect((await verifyLedger(db)).problems[0]).toMatchObject({
    batchId: 'WXYZ6789',
    rowNo: null,
    field: null,
  });
  expect(() => db.exec('DELETE FROM batch_rows')).toThrow(/never deleted/);
  expect(() => db.exec('DELETE FROM batches')).toThrow(/never deleted/);
});
