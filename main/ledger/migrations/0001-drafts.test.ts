import { expect, it } from 'vitest';
import { useUpgradeLedger } from '../../../test/support/use-upgrade-ledger.ts';

const ledger = useUpgradeLedger();

it('creates drafts on a fresh ledger: rows kept in their order, gone with their draft, mappings by header', () => {
  ledger.migrateUpTo(1);
  ledger.db.exec(`INSERT INTO drafts (id, name, settings_json, created_at, updated_at)
    VALUES ('d1', 'Thank-you cards', '{"deliveryType":"DigitalDelivery"}', '2026-10-01T09:00:00.000Z',
      '2026-10-01T09:00:00.000Z')`);
  ledger.db.exec(`INSERT INTO draft_rows (draft_id, row_id, position, values_json) VALUES
    ('d1', 'r-b', 2, '{"email":"b@example.org"}'),
    ('d1', 'r-a', 1, '{"email":"a@example.org"}')`);
  ledger.db.exec(`INSERT INTO import_mappings (header_signature, mapping_json, updated_at)
    VALUES ('email|first name', '{"email":"email"}', '2026-10-01T09:00:00.000Z')`);

  expect(ledger.db.prepare('SELECT id FROM schema_migrations').all()).toEqual([{ id: 1 }]);
  expect(
    ledger.db.prepare("SELECT row_id FROM draft_rows WHERE draft_id = 'd1' ORDER BY position").all(),
  ).toEqual([{ row_id: 'r-a' }, { row_id: 'r-b' }]);
  expect(() =>
    ledger.db.exec(
      `INSERT INTO draft_rows (draft_id, row_id, position, values_json) VALUES ('nope', 'r', 1, '{}')`,
    ),
  ).toThrow(/FOREIGN KEY/);
  expect(() =>
    ledger.db.exec(`INSERT INTO import_mappings (header_signature, mapping_json, updated_at)
      VALUES ('email|first name', '{}', '2026-10-02T09:00:00.000Z')`),
  ).toThrow(/UNIQUE/);

  ledger.db.exec("DELETE FROM drafts WHERE id = 'd1'");
  expect(ledger.db.prepare('SELECT COUNT(*) AS count FROM draft_rows').get()).toEqual({ count: 0 });
  expect(ledger.db.prepare('SELECT COUNT(*) AS count FROM import_mappings').get()).toEqual({ count: 1 });
});
