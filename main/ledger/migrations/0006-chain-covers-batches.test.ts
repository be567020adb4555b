import { expect, it } from 'vitest';
import { useUpgradeLedger } from '../../../test/support/use-upgrade-ledger.ts';
import { verifyLedger } from '../../audit/verify-ledger.ts';
import { createEventLog } from '../../batches/event-log.ts';

const ledger = useUpgradeLedger();

/** A batch as a GiftBatch before migration 6 wrote it: its event carries no record. */
const writeOldBatch = (id: string) => {
  ledger.writeOldBatch(id, 'completed', 2438);
  ledger.db
    .prepare(
      `INSERT INTO batch_rows (batch_id, row_no, revision, po_number, payload_json, payload_hash,
      recipient_label, product_id, amount_cents, quantity, cost_cents, state, updated_at)
    VALUES (?, 1, 1, ?, '{}', 'h', 'Pat <pat@example.org>', 'NORTHWIND-COFFEE', 2500, 1, 2438, 'fulfilled',
      '2026-11-01T10:04:00.000Z')`,
    )
    .run(id, `GB-${id}-0001`);
  createEventLog(ledger.db, () => new Date()).append({
    batchId: id,
    rowNo: null,
    kind: 'batch.ready',
    detail: { rows: 1 },
  });
};

it('baselines the batches recorded before it once, so they verify from the upgrade on', async () => {
  ledger.migrateUpTo(5);
  writeOldBatch('ABCD2345');

  ledger.migrateAll();
  const kinds = () =>
    ledger.db
      .prepare<[], { kind: string }>('SELECT kind FROM events ORDER BY seq')
      .all()
      .map((event) => event.kind);
  expect(kinds()).toEqual(['batch.ready', 'batch.baseline', 'row.baseline']);
  expect(await verifyLedger(ledger.db)).toMatchObject({ intact: true, batches: 1, rows: 1 });

  ledger.migrateAll();
  expect(kinds()).toHaveLength(3);
  ledger.db.prepare("UPDATE batch_rows SET cost_cents = 1 WHERE batch_id = 'ABCD2345'").run();
  expect((await verifyLedger(ledger.db)).problems[0]).toMatchObject({
    rowNo: 1,
    field: 'cost_cents',
    expected: '2438',
    found: '1',
  });
});

it('gives a batch slipped in after the upgrade no baseline, and refuses deleting batches and rows', async () => {
  ledger.migrateAll();
  writeOldBatch('WXYZ6789');
  ledger.migrateAll();
  expect((await verifyLedger(ledger.db)).problems[0]).toMatchObject({
    batchId: 'WXYZ6789',
    rowNo: null,
    field: null,
  });
  expect(() => ledger.db.exec('DELETE FROM batch_rows')).toThrow(/never deleted/);
  expect(() => ledger.db.exec('DELETE FROM batches')).toThrow(/never deleted/);
});
