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

it('upgrades a ledger with a draft from migration 1: its rows keep their values, with no extras', () => {
  migrate(
    db,
    migrations.filter((migration) => migration.id <= 1),
  );
  db.exec(`INSERT INTO drafts (id, name, settings_json, created_at, updated_at)
    VALUES ('d1', 'Old draft', '{}', '2026-10-01T09:00:00.000Z', '2026-10-01T09:00:00.000Z')`);
  db.exec(`INSERT INTO draft_rows (draft_id, row_id, position, values_json)
    VALUES ('d1', 'r1', 1, '{"email":"pat@example.org"}')`);

  migrate(
    db,
    migrations.filter((migration) => migration.id <= 2),
  );

  expect(
    db
      .prepare("SELECT row_id, position, values_json, extras_json FROM draft_rows WHERE draft_id = 'd1'")
      .all(),
  ).toEqual([{ row_id: 'r1', position: 1, values_json: '{"email":"pat@example.org"}', extras_json: null }]);
  db.exec(`INSERT INTO draft_rows (draft_id, row_id, position, values_json, extras_json)
    VALUES ('d1', 'r2', 2, '{"email":"sam@example.org"}', '{"Team":"Sales"}')`);
  expect(db.prepare("SELECT extras_json FROM draft_rows WHERE row_id = 'r2'").get()).toEqual({
    extras_json: '{"Team":"Sales"}',
  });
});
