import type Database from 'better-sqlite3';
import type { LedgerHead } from '../../common/contract/audit.ts';
import type { LedgerVerification } from '../../common/contract/ledger.ts';
import { appError, type AppError } from '../../common/errors.ts';
import { err, ok, type Result } from '../../common/result.ts';
import { backupLedger } from './backup-ledger.ts';
import { restoreLedger } from './restore-ledger.ts';
import { verifyLedger } from './verify-ledger.ts';

/** Verify, back up and restore the app's open ledger (docs/architecture.md §5.12), as the app offers them. */
export const createLedgerService = (db: Database.Database, now: () => Date = () => new Date()) => ({
  verify: async (manifests: readonly string[]): Promise<Result<LedgerVerification, AppError>> =>
    ok(await verifyLedger(db, manifests)),

  backup: async (file: string): Promise<Result<{ path: string; head: LedgerHead }, AppError>> => {
    const written = await backupLedger(db, file);
    return written.ok ? written : err(appError('validation', written.error));
  },

  restore: async (file: string): Promise<Result<{ head: LedgerHead; keptAside: string }, AppError>> => {
    const restored = await restoreLedger({ db, from: file, now });
    return restored.ok ? restored : err(appError('validation', restored.error));
  },
});

export type LedgerService = ReturnType<typeof createLedgerService>;
