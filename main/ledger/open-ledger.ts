import Database from 'better-sqlite3';
import { closeSync, openSync } from 'node:fs';
import path from 'node:path';
import { privateFileMode, securePrivateFolder } from '../storage/private-folder.ts';
import { migrate } from './migrate.ts';

export const ledgerFileName = 'giftbatch-ledger.sqlite';

/**
 * The local ledger: SQLite in WAL mode with synchronous=FULL, so a committed change survives a crash
<<<<<<< HEAD
 * or power cut (docs/architecture.md §5.6), and a busy timeout so the app and the CLI can share it.
=======
 * or power cut (docs/architecture.md §5.6), and a busy timeout so the app and the CLI can share it.
 *
 * Every front door (app, CLI, browser bridge) opens the ledger before it writes anything else in the
 * data folder, so this is where the folder and its files are made owner-only.
>>>>>>> bridge-folder
 */
export const openLedger = (dataDir: string): Database.Database => {
  securePrivateFolder(dataDir);
  const filePath = path.join(dataDir, ledgerFileName);
  // SQLite creates the file 0644 and its -wal and -shm with the file's mode: created 0600 first, all are.
  closeSync(openSync(filePath, 'a', privateFileMode));
  const db = new Database(filePath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
};
