import type Database from 'better-sqlite3';
import type { Immediate } from './batch-moves.ts';
import { LedgerConflict } from './ledger-conflict.ts';

/**
 * One sender per batch (docs/architecture.md §5.5): a lease in the batch's ledger record, taken when free,
 * expired, or held by `staleOwner` (a process on this machine that no longer runs), and renewed by
 * its holder while it sends.
 */
export const createBatchLease = (db: Database.Database, immediate: Immediate) => {
  const updateLease = db.prepare(
    `UPDATE batches SET lease_owner = @owner, lease_until = @until
     WHERE id = @id AND (lease_owner IS NULL OR lease_owner = @owner OR lease_until < @now OR lease_owner = @stale)`,
  );
  const clearLease = db.prepare(
    'UPDATE batches SET lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?',
  );
  const selectLease = db.prepare<[string], { lease_owner: string | null; lease_until: number | null }>(
    'SELECT lease_owner, lease_until FROM batches WHERE id = ?',
  );
  const leaseRecord = (batchId: string) => {
    const record = selectLease.get(batchId);
    if (record === undefined) throw new LedgerConflict(`There is no batch ${batchId}.`);
    return record;
  };

  return {
    acquireLease: immediate(
      (batchId: string, owner: string, untilMs: number, nowMs: number, staleOwner: string | null) => {
        leaseRecord(batchId);
        return (
          updateLease.run({ id: batchId, owner, until: untilMs, now: nowMs, stale: staleOwner }).changes === 1
        );
      },
    ),
    leaseOwner: (batchId: string): { owner: string | null; until: number | null } => {
      const record = leaseRecord(batchId);
      return { owner: record.lease_owner, until: record.lease_until };
    },
    releaseLease: (batchId: string, owner: string): void => {
      clearLease.run(batchId, owner);
    },
    /**
     * Runs `write` in one transaction with the check that `owner` still holds the batch's lease, so a
     * process that lost the batch (asleep past its lease) never writes over the new sender's rows.
     * False, with nothing written, when it does not.
     */
    whileHolding: immediate((batchId: string, owner: string, write: () => void): boolean => {
      if (leaseRecord(batchId).lease_owner !== owner) return false;
      write();
      return true;
    }),
  };
};
