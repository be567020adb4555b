import Database from 'better-sqlite3';
import { closeSync, openSync } from 'node:fs';
import path from 'node:path';
import { privateFileMode, securePrivateFolder } from '../storage/private-folder.ts';
import { migrate } from './migrate.ts';

export const ledgerFileName = 'giftbatch-ledger.sqlite';

/**
 * One connection to a ledger file already opened by `openLedger`, with its pragmas: WAL with
 * synchronous=FULL, so a committed change survives a crash or power cut (docs/architecture.md §5.6),
 * and a busy timeout so the app, the CLI and the ledger's writer thread can share it.
 */
export const openLedgerConnection = (filePath: string): Database.Database => {
  const db = new Database(filePath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
};

/**
 * The local ledger, migrated. Every front door (app, CLI, browser bridge) opens the ledger before it
 * writes anything else in the data folder, so this is where the folder and its files are made owner-only.
 */
export const openLedger = (dataDir: string): Database.Database => {
  securePrivateFolder(dataDir);
  const filePath = path.join(dataDir, ledgerFileName);
  // SQLite creates the file 0644 and its -wal and -shm with the file's mode: created 0600 first, all are.
  closeSync(openSync(filePath, 'a', privateFileMode));
  const db = openLedgerConnection(filePath);
  migrate(db);
  return db;
};
