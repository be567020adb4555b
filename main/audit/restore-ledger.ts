import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { LedgerHead } from '../../common/contract/audit.ts';
import { err, ok, type Result } from '../../common/result.ts';
import { migrate } from '../ledger/migrate.ts';
import { isGiftBatchLedger } from './ledger-file.ts';
import { recordsLostByRestore } from './records-lost-by-restore.ts';
import { currentLedgerHead } from './ledger-head.ts';
import { verifyLedger } from './verify-ledger.ts';
import { writeBackup } from './write-backup.ts';

export interface RestoreRequest {
  /** The open ledger to replace; every service keeps using this connection. */
  readonly db: Database.Database;
  readonly from: string;
  readonly now: () => Date;
  /**
   * Restore even a backup that lacks batches, PO numbers or orders the current ledger records (they stay
   * in the copy kept aside). Only the CLI's explicit --discard-newer sets it.
   */
  readonly discardNewer?: boolean;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** A batch whose sender holds a live lease: restoring under it would pull its rows away mid-send. */
const batchBeingSent = (db: Database.Database, nowMs: number): string | undefined =>
  db
    .prepare<[number], { id: string }>(
      'SELECT id FROM batches WHERE lease_owner IS NOT NULL AND lease_until >= ? LIMIT 1',
    )
    .get(nowMs)?.id;

/**
 * Checks a candidate copy of the backup: a GiftBatch ledger (our migrations, none we do not know),
 * brought up to date, that verifies clean. The copy is made first so the user's file is never changed.
 */
const checkCandidate = async (candidate: Database.Database, from: string): Promise<string | undefined> => {
  const ledger = isGiftBatchLedger(candidate);
  if (ledger !== true) return `${from} ${ledger}`;
  try {
    migrate(candidate);
  } catch (error) {
    return `${from} cannot be used: ${messageOf(error)}`;
  }
  const verification = await verifyLedger(candidate);
  const [first] = verification.problems;
  return first === undefined ? undefined : `${from} fails verification: ${first.message}`;
};

/**
 * Restore (docs/architecture.md §5.12): refuses while a batch is being sent, and refuses a file that is
 * not a GiftBatch ledger or fails verification. The current ledger is backed up aside (0600) first,
 * then the backup is copied into the open ledger with SQLite's backup API, so every open connection
 * reads the restored ledger from its next query.
 */
export const restoreLedger = async (
  request: RestoreRequest,
): Promise<Result<{ head: LedgerHead; keptAside: string }, string>> => {
  const { db, now } = request;
  const from = path.resolve(request.from);
  const ledgerPath = db.name;
  if (!existsSync(from)) return err(`There is no file ${from}.`);
  const sending = batchBeingSent(db, now().getTime());
  if (sending !== undefined) {
    return err(`Batch ${sending} is being sent. Pause it or wait for it to finish, then restore.`);
  }
  const stamp = now().toISOString().replace(/[:.]/g, '-');
  const candidatePath = path.join(path.dirname(ledgerPath), `restore-check-${stamp}.sqlite`);
  let candidate: Database.Database | undefined;
  try {
    const source = new Database(from, { readonly: true, fileMustExist: true });
    try {
      await writeBackup(source, candidatePath);
    } finally {
      source.close();
    }
    candidate = new Database(candidatePath);
    const refusal = await checkCandidate(candidate, from);
    if (refusal !== undefined) return err(refusal);
    const lost = recordsLostByRestore(db, candidate);
    if (request.discardNewer !== true && lost.batches.length + lost.poNumbers + lost.orders > 0) {
      const listed = lost.batches.slice(0, 5).join(', ');
      return err(
        `${from} is older than this ledger: restoring it would drop the record of ${String(lost.batches.length)} batches${listed === '' ? '' : ` (${listed}${lost.batches.length > 5 ? ', …' : ''})`}, ${String(lost.poNumbers)} PO numbers and ${String(lost.orders)} orders placed with the provider. Nothing was changed. Back up this ledger instead, or (command line only) pass --discard-newer to restore anyway; the current ledger is then kept aside.`,
      );
    }
    const keptAside = path.join(path.dirname(ledgerPath), `giftbatch-ledger.before-restore-${stamp}.sqlite`);
    await writeBackup(db, keptAside);
    await candidate.backup(ledgerPath);
    return ok({ head: currentLedgerHead(db), keptAside });
  } catch (error) {
    return err(`${from} is not a GiftBatch ledger that can be restored: ${messageOf(error)}`);
  } finally {
    candidate?.close();
    await Promise.all(
      ['', '-wal', '-shm', '-journal'].map((suffix) => rm(`${candidatePath}${suffix}`, { force: true })),
    );
  }
};
