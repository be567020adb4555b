import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { migrate, migrations } from '../../main/ledger/migrate.ts';
import { createTempDir, type TempDir } from './temp-dir.ts';

export interface UpgradeLedger {
  /** This test's ledger file, open. */
  readonly db: Database.Database;
  /** Applies the migrations up to and including `id`: the ledger as that version of GiftBatch left it. */
  migrateUpTo(id: number): void;
  /** Applies every migration still missing, as the current GiftBatch does on start. */
  migrateAll(): void;
}

/**
 * A fresh ledger file per test for the upgrade tests (one per migration): migrate it to an old version,
 * write what that version wrote, upgrade, and check nothing was lost. Closed and removed after each test.
 */
export const useUpgradeLedger = (): UpgradeLedger => {
  let dir: TempDir | undefined;
  let db: Database.Database | undefined;
  beforeEach(async () => {
    dir = await createTempDir();
    db = new Database(path.join(dir.path, 'ledger.sqlite'));
    // As the app opens its ledger (main/ledger/open-ledger.ts).
    db.pragma('foreign_keys = ON');
  });
  afterEach(async () => {
    db?.close();
    await dir?.remove();
  });
  const open = (): Database.Database => {
    if (db === undefined) throw new Error('useUpgradeLedger: the ledger is open only inside a test');
    return db;
  };
  return {
    get db() {
      return open();
    },
    migrateUpTo: (id) => {
      migrate(
        open(),
        migrations.filter((migration) => migration.id <= id),
      );
    },
    migrateAll: () => {
      migrate(open());
    },
  };
};
