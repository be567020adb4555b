import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTempDir, type TempDir } from '../../../test/support/temp-dir.ts';
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

const insertBatch = (id: string, extraColumns = '', extraValues = '') => {
  db.exec(`INSERT INTO batches (id, name, environment, provider, delivery_type, status, reviewed_cost_cents,
      currency_code, created_at, updated_at${extraColumns})
    VALUES ('${id}', 'Batch ${id}', 'sandbox', 'sandbox', 'DigitalDelivery', 'completed', 2438, 'USD',
      '2026-10-20T10:00:00.000Z', '2026-10-20T10:05:00.000Z'${extraValues})`);
};

it('upgrades a ledger with a batch from migration 3: it keeps its fields and reads no phone country (NULL)', () => {
  migrate(
    db,
    migrations.filter((migration) => migration.id <= 3),
  );
  insertBatch('ABCD2345');

  migrate(
    db,
    migrations.filter((migration) => migration.id <= 4),
  );

  expect(db.prepare('SELECT name, status, reviewed_cost_cents, default_country FROM batches').get()).toEqual({
    name: 'Batch ABCD2345',
    status: 'completed',
    reviewed_cost_cents: 2438,
    default_country: null,
  });
  insertBatch('EFGH6789', ', default_country', ", 'GB'");
  expect(db.prepare("SELECT default_country FROM batches WHERE id = 'EFGH6789'").get()).toEqual({
    default_country: 'GB',
  });
});
