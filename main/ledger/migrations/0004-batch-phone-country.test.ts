import { expect, it } from 'vitest';
import { useUpgradeLedger } from '../../../test/support/use-upgrade-ledger.ts';

const ledger = useUpgradeLedger();

const insertBatch = (id: string, extraColumns = '', extraValues = '') => {
  ledger.db
    .exec(`INSERT INTO batches (id, name, environment, provider, delivery_type, status, reviewed_cost_cents,
      currency_code, created_at, updated_at${extraColumns})
    VALUES ('${id}', 'Batch ${id}', 'sandbox', 'sandbox', 'DigitalDelivery', 'completed', 2438, 'USD',
      '2026-10-20T10:00:00.000Z', '2026-10-20T10:05:00.000Z'${extraValues})`);
};

it('upgrades a ledger with a batch from migration 3: it keeps its fields and reads no phone country (NULL)', () => {
  ledger.migrateUpTo(3);
  insertBatch('ABCD2345');

  ledger.migrateUpTo(4);

  expect(
    ledger.db.prepare('SELECT name, status, reviewed_cost_cents, default_country FROM batches').get(),
  ).toEqual({
    name: 'Batch ABCD2345',
    status: 'completed',
    reviewed_cost_cents: 2438,
    default_country: null,
  });
  insertBatch('EFGH6789', ', default_country', ", 'GB'");
  expect(ledger.db.prepare("SELECT default_country FROM batches WHERE id = 'EFGH6789'").get()).toEqual({
    default_country: 'GB',
  });
});
