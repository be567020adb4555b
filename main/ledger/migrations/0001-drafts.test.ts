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
  db.pragma('foreign_keys = ON');
});
afterEach(async () => {
  db.close();
  await dir.remove();
});

it('creates drafts on a fresh ledger: rows kept in their order, gone with their draft, mappings by header', () => {
  migrate(
    db,
    migrations.filter((migration) => migration.id <= 1),
  );
  db.exec(`INSERT INTO drafts (id, name, settings_json, created_at, updated_at)
    VALUES ('d1', 'Thank-you cards', '{"deliveryType":"DigitalDelivery"}', '2026-10-01T09:00:00.000Z',
      '2026-10-01T09:00:00.000Z')`);
  db.exec(`INSERT INTO draft_rows (draft_id, row_id, position, values_json) VALUES
    ('d1', 'r-b', 2, '{"email":"b@example.org"}'),
    ('d1', 'r-a', 1, '{"email":"a@example.org"}')`);
  db.exec(`INSERT INTO import_mappings (header_signature, mapping_json, updated_at)
    VALUES ('email|first name', '{"email":"email"}', '2026-10-01T09:00:00.000Z')`);

  expect(db.prepare('SELECT id FROM schema_migrations').all()).toEqual([{ id: 1 }]);
  expect(db.prepare("SELECT row_id FROM draft_rows WHERE draft_id = 'd1' ORDER BY position").all()).toEqual([
    { row_id: 'r-a' },
    { row_id: 'r-b' },
  ]);
  expect(() =>
    db.exec(`INSERT INTO draft_rows (draft_id, row_id, position, values_json) VALUES ('nope', 'r', 1, '{}')`),
  ).toThrow(/FOREIGN KEY/);
  expect(() =>
    db.exec(`INSERT INTO import_mappings (header_signature, mapping_json, updated_at)
      VALUES ('email|first name', '{}', '2026-10-02T09:00:00.000Z')`),
  ).toThrow(/UNIQUE/);

  db.exec("DELETE FROM drafts WHERE id = 'd1'");
  expect(db.prepare('SELECT COUNT(*) AS count FROM draft_rows').get()).toEqual({ count: 0 });
  expect(db.prepare('SELECT COUNT(*) AS count FROM import_mappings').get()).toEqual({ count: 1 });
});
