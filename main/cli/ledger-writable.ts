import type Database from 'better-sqlite3';
import { describeFailure } from '../engine/run-failures.ts';

/**
 * Why the ledger cannot be written, or undefined when it can. Checked when a command opens it, before
 * any review: SQLite opens a file it may not write read-only without a word, and the first write (the
 * batch's commit, or worse, a row's state after its order was placed) would be the first to fail. The
 * probe rewrites the schema version inside a transaction that is rolled back: nothing changes.
 */
export const ledgerWriteProblem = (ledger: Database.Database): string | undefined => {
  try {
    const version = Number(ledger.pragma('user_version', { simple: true }));
    ledger.exec('BEGIN IMMEDIATE');
    try {
      ledger.pragma(`user_version = ${String(version)}`);
    } finally {
      ledger.exec('ROLLBACK');
    }
    return undefined;
  } catch (error) {
    // Busy (the app writing right now) is not unwritable: the command's own writes wait their turn.
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' ? undefined : describeFailure(error);
  }
};
