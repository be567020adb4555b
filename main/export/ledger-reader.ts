import Database from 'better-sqlite3';
import path from 'node:path';
import { ledgerFileName } from '../ledger/open-ledger.ts';

/**
 * A read-only connection of its own, holding one read transaction: every row of a report and the
 * ledger head it records come from the same moment (WAL gives the reader a snapshot), and a long
 * streaming read never blocks, or is blocked by, the engine writing on the main connection.
 */
export const withLedgerSnapshot = async <T>(
  dataDir: string,
  read: (db: Database.Database) => Promise<T>,
): Promise<T> => {
  const db = new Database(path.join(dataDir, ledgerFileName), { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.exec('BEGIN');
    return await read(db);
  } finally {
    if (db.inTransaction) db.exec('COMMIT');
    db.close();
  }
};
