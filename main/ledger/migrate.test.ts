import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempDir, type TempDir } from '../../test/support/temp-dir.ts';
import { migrate, migrations } from './migrate.ts';
import { ledgerFileName, openLedger } from './open-ledger.ts';

let dir: TempDir;
beforeEach(async () => {
  dir = await createTempDir();
});
afterEach(async () => {
  await dir.remove();
});

const tables = (db: Database.Database) =>
  db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all()
    .map((row) => row.name);

describe('the ledger', () => {
  it('opens in WAL mode with synchronous=FULL and foreign keys on', () => {
    const db = openLedger(dir.path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('applies every migration once, in order, and records it', () => {
    openLedger(dir.path).close();
    const reopened = openLedger(dir.path);
    const applied = reopened
      .prepare<[], { id: number }>('SELECT id FROM schema_migrations ORDER BY id')
      .all();
    expect(applied.map((row) => row.id)).toEqual(migrations.map((migration) => migration.id));
    expect(tables(reopened)).toEqual(
      expect.arrayContaining(['drafts', 'draft_rows', 'import_mappings', 'schema_migrations']),
    );
    reopened.close();
  });

  it('refuses a ledger whose applied migration was edited afterwards', () => {
    openLedger(dir.path).close();
    const db = new Database(path.join(dir.path, ledgerFileName));
    const edited = migrations.map((migration) => ({ ...migration, sql: `${migration.sql}\n-- edited` }));
    expect(() => {
      migrate(db, edited);
    }).toThrow(/differs from the one applied/);
    db.close();
  });

  it('refuses a ledger written by a newer GiftBatch', () => {
    openLedger(dir.path).close();
    const db = new Database(path.join(dir.path, ledgerFileName));
    expect(() => {
      migrate(db, []);
    }).toThrow(/newer GiftBatch/);
    db.close();
  });
});
