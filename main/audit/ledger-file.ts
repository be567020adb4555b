import type Database from 'better-sqlite3';
import { migrations } from '../ledger/migrate.ts';

/**
 * True when `db` is a GiftBatch ledger: it has the register of applied migrations, it holds the
 * batches migration, and every migration in it is one of ours. Otherwise, why not, in words that
 * follow the file's name.
 */
export const isGiftBatchLedger = (db: Database.Database): true | string => {
  let applied: { id: number }[];
  try {
    const table = db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'",
      )
      .get();
    if (table === undefined) return 'is not a GiftBatch ledger (it has no schema_migrations).';
    applied = db.prepare<[], { id: number }>('SELECT id FROM schema_migrations ORDER BY id').all();
  } catch (error) {
    return `is not a GiftBatch ledger (${error instanceof Error ? error.message : String(error)}).`;
  }
  if (!applied.some((row) => row.id === 3)) return 'is not a GiftBatch ledger (it has no batches).';
  const unknown = applied.find((row) => !migrations.some((migration) => migration.id === row.id));
  if (unknown !== undefined) {
    return `was written by a newer GiftBatch (migration ${String(unknown.id)}); update the app first.`;
  }
  return true;
};
