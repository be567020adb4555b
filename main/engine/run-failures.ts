import type { BatchSummary, PauseReason } from '../../common/contract/batches.ts';
import type { BatchRepository } from '../batches/batch-repository.ts';
import type { OrderApi } from './batch-task.ts';
import { describeLeaseOwner } from '../batches/lease-owner.ts';
import { stillShort } from './pause-reasons.ts';

const sqliteCode = (error: unknown): string | undefined =>
  error instanceof Error &&
  'code' in error &&
  typeof error.code === 'string' &&
  error.code.startsWith('SQLITE_')
    ? error.code
    : undefined;

/** What stopped a run, in words a person can act on; the ledger's own failures above all. */
export const describeFailure = (error: unknown): string => {
  const code = sqliteCode(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_FULL') {
    return 'the disk holding the ledger is full, so no more of the batch could be recorded. Free space on it.';
  }
  if (code === 'SQLITE_READONLY' || code?.startsWith('SQLITE_READONLY_') === true) {
    return 'the ledger can no longer be written (read-only file, folder or disk). Make it writable.';
  }
  if (code === 'SQLITE_CANTOPEN') {
    return 'the ledger file could not be opened: its folder or disk may be read-only, missing, or not open to this user.';
  }
  if (code?.startsWith('SQLITE_IOERR') === true) {
    return `the ledger could not be written (${code}: ${message}). Check the disk holding it.`;
  }
  return /[.!?]$/.test(message) ? message : `${message}.`;
};

/**
 * The lease ran out under this process (it slept, or the ledger was too busy to renew it), so it
 * stopped sending: it names who holds the batch now, never itself.
 */
export const leaseLostMessage = (batchId: string, ownerId: string, holder: string | null): string => {
  const who =
    holder === null || holder === ownerId
      ? 'No other GiftBatch holds it now'
      : `It is held by ${describeLeaseOwner(holder)} now`;
  return `This GiftBatch stopped sending batch ${batchId}: its claim on the batch ran out (the computer slept, or the process was suspended, longer than the lease). ${who}. Rows caught mid-request are sent again under the same PO number, which cannot create a second order. Resume the batch once no other GiftBatch is sending it.`;
};

/**
 * A batch paused for insufficient funds is resumed only once the Available balance covers its unsent
 * rows; otherwise it stays paused and says by how much it is still short, instead of sending orders
 * that would each be refused (422). Where the balance is unknown, the provider decides as before.
 */
export const fundsStillShort = async (
  api: OrderApi,
  repository: BatchRepository,
  batch: BatchSummary | undefined,
  now: () => number,
): Promise<PauseReason | undefined> => {
  if (batch?.status !== 'paused' || batch.pauseReason?.kind !== 'insufficient_funds') return undefined;
  const balance = await api.getBalance();
  if (!balance.ok) return undefined;
  const { availableCents, currencyCode } = balance.value;
  const needed = repository.unsentCostCents(batch.id);
  return availableCents >= needed
    ? undefined
    : stillShort(now(), needed - availableCents, availableCents, currencyCode);
};
