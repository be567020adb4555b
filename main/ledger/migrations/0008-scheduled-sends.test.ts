import { expect, it } from 'vitest';
import { useUpgradeLedger } from '../../../test/support/use-upgrade-ledger.ts';

const ledger = useUpgradeLedger();

it('upgrades a ledger with a batch from migration 7: the batch is kept, with no start time', () => {
  ledger.migrateUpTo(7);
  ledger.db
    .exec(`INSERT INTO batches (id, name, environment, provider, delivery_type, status, reviewed_cost_cents,
      currency_code, created_at, updated_at)
    VALUES ('ABCD2345', 'Old batch', 'sandbox', 'sandbox', 'DigitalDelivery', 'ready', 2438, 'USD',
      '2026-11-01T10:00:00.000Z', '2026-11-01T10:00:00.000Z')`);

  ledger.migrateAll();

  expect(ledger.db.prepare('SELECT id, status, scheduled_for FROM batches').all()).toEqual([
    { id: 'ABCD2345', status: 'ready', scheduled_for: null },
  ]);
  ledger.db.prepare("UPDATE batches SET scheduled_for = '2026-12-24T09:00:00.000Z'").run();
  expect(
    ledger.db.prepare("SELECT id FROM batches WHERE scheduled_for <= '2026-12-24T09:00:00.000Z'").all(),
  ).toEqual([{ id: 'ABCD2345' }]);
});
