import { expect, it } from 'vitest';
import { useUpgradeLedger } from '../../../test/support/use-upgrade-ledger.ts';

const ledger = useUpgradeLedger();

it('upgrades a ledger with a batch from migration 4: its rows keep their state time, new fields stay empty', () => {
  ledger.migrateUpTo(4);
  ledger.writeOldBatch('ABCD2345', 'completed', 2438);
  ledger.db.exec(`INSERT INTO batch_rows (batch_id, row_no, revision, po_number, payload_json, payload_hash,
      recipient_label, product_id, amount_cents, quantity, cost_cents, state, updated_at)
    VALUES ('ABCD2345', 1, 1, 'GB-ABCD2345-0001', '{}', 'h', 'Pat <pat@example.org>', 'NORTHWIND-COFFEE',
      2500, 1, 2438, 'fulfilled', '2026-11-01T10:04:00.000Z')`);

  ledger.migrateAll();

  expect(ledger.db.prepare('SELECT operator, source_json, sent_at, finished_at FROM batches').get()).toEqual({
    operator: null,
    source_json: null,
    sent_at: null,
    finished_at: null,
  });
  expect(
    ledger.db.prepare('SELECT recipient_label, email, reference, state_at FROM batch_rows').get(),
  ).toEqual({
    recipient_label: 'Pat <pat@example.org>',
    email: null,
    reference: null,
    state_at: '2026-11-01T10:04:00.000Z',
  });
});
