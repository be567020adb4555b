import type Database from 'better-sqlite3';
import { rm, rename, writeFile } from 'node:fs/promises';

/**
 * Copies the ledger with SQLite's online backup, which is consistent while the app keeps writing, into
 * `file`, which must not exist yet. The copy is made under a temporary name created readable by the
 * user only (0600) before any byte of the ledger is in it, then renamed into place.
 */
export const writeBackup = async (db: Database.Database, file: string): Promise<void> => {
  const partial = `${file}.partial`;
  await writeFile(partial, '', { mode: 0o600, flag: 'wx' });
  try {
    await db.backup(partial);
    await rename(partial, file);
  } finally {
    await rm(partial, { force: true });
  }
};
