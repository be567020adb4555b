import { expect, it } from 'vitest';
import { useUpgradeLedger } from '../../../test/support/use-upgrade-ledger.ts';

const ledger = useUpgradeLedger();

const insertBatchWithRow = () => {
  ledger.db.exec(`INSERT INTO batches (id, name, draft_id, environment, provider, delivery_type, status,
      reviewed_cost_cents, currency_code, created_at, updated_at)
    VALUES ('ABCD2345', 'First batch', 'd1', 'sandbox', 'sandbox', 'DigitalDelivery', 'ready', 2438, 'USD',
      '2026-10-02T10:00:00.000Z', '2026-10-02T10:00:00.000Z')`);
  ledger.db.exec(`INSERT INTO batch_rows (batch_id, row_no, draft_row_id, revision, po_number, payload_json,
      payload_hash, recipient_label, product_id, amount_cents, quantity, cost_cents, state, updated_at)
    VALUES ('ABCD2345', 1, 'r1', 1, 'GB-ABCD2345-0001', '{"a":1}', 'h1', 'Pat <pat@example.org>',
      'NORTHWIND-COFFEE', 2500, 1, 2438, 'queued', '2026-10-02T10:00:00.000Z')`);
  ledger.db.exec(`INSERT INTO po_numbers (po_number, payload_hash, batch_id, row_no, revision, issued_at)
    VALUES ('GB-ABCD2345-0001', 'h1', 'ABCD2345', 1, 1, '2026-10-02T10:00:00.000Z')`);
  ledger.db.exec(`INSERT INTO events (at, batch_id, row_no, kind, detail_json, prev_hash, hash)
    VALUES ('2026-10-02T10:00:00.000Z', 'ABCD2345', NULL, 'batch.created', '{}', '', 'e1')`);
};

it('upgrades a ledger with drafts from migration 2: they stay, and batches, PO numbers and events arrive guarded', () => {
  ledger.migrateUpTo(2);
  ledger.db.exec(`INSERT INTO drafts (id, name, settings_json, created_at, updated_at)
    VALUES ('d1', 'Kept draft', '{}', '2026-10-01T09:00:00.000Z', '2026-10-01T09:00:00.000Z')`);
  ledger.db.exec(`INSERT INTO draft_rows (draft_id, row_id, position, values_json, extras_json)
    VALUES ('d1', 'r1', 1, '{"email":"pat@example.org"}', '{"Team":"Sales"}')`);

  ledger.migrateUpTo(3);

  expect(ledger.db.prepare('SELECT name FROM drafts').all()).toEqual([{ name: 'Kept draft' }]);
  expect(ledger.db.prepare('SELECT extras_json FROM draft_rows').all()).toEqual([
    { extras_json: '{"Team":"Sales"}' },
  ]);
  insertBatchWithRow();
  expect(ledger.db.prepare('SELECT po_number, state, attempts, claim_links FROM batch_rows').get()).toEqual({
    po_number: 'GB-ABCD2345-0001',
    state: 'queued',
    attempts: 0,
    claim_links: 0,
  });
  expect(() => ledger.db.exec(`UPDATE batch_rows SET payload_json = '{"a":2}', payload_hash = 'h2'`)).toThrow(
    /never reused for a different payload/,
  );
  expect(() => ledger.db.exec("UPDATE po_numbers SET batch_id = 'OTHER'")).toThrow(/never reassigned/);
  expect(() => ledger.db.exec('DELETE FROM po_numbers')).toThrow(/never reassigned/);
  expect(() => ledger.db.exec('UPDATE events SET detail_json = \'{"x":1}\'')).toThrow(/append-only/);
  expect(() => ledger.db.exec('DELETE FROM events')).toThrow(/append-only/);
});
