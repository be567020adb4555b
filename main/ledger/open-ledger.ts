import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { migrate } from './migrate.ts';

export const ledgerFileName = 'giftbatch-ledger.sqlite';

/**
 * The local ledger: SQLite in WAL mode with synchronous=FULL, so a committed change survives a crash
 * or power cut (docs/architecture.md §5.6), and a busy timeout so the app and the CLI can share it.
 */
export const openLedger = (dataDir: string): Database.Database => {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, ledgerFileName));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
};
