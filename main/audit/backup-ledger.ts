import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { LedgerHead } from '../../common/contract/audit.ts';
import { err, ok, type Result } from '../../common/result.ts';
import { currentLedgerHead } from './ledger-head.ts';
import { writeBackup } from './write-backup.ts';

/**
 * "Back up ledger": a consistent copy of the whole ledger (batches, events, drafts) in a new file, 0600.
 * It never overwrites a file. The head returned is the copy's own newest event.
 */
export const backupLedger = async (
  db: Database.Database,
  file: string,
): Promise<Result<{ path: string; head: LedgerHead }, string>> => {
  const target = path.resolve(file);
  if (existsSync(target)) {
    return err(`${target} already exists; a backup never overwrites a file. Choose a new file name.`);
  }
  if (!existsSync(path.dirname(target))) return err(`The folder ${path.dirname(target)} does not exist.`);
  try {
    await writeBackup(db, target);
  } catch (error) {
    return err(
      `The backup could not be written to ${target}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const copy = new Database(target, { readonly: true, fileMustExist: true });
  try {
    return ok({ path: target, head: currentLedgerHead(copy) });
  } finally {
    copy.close();
  }
};
