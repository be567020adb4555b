import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { BatchSummary } from '../../common/contract/batches.ts';

/** `host#pid#random`: enough to tell, on this machine, whether the holder of a lease still runs. */
export const newLeaseOwner = (): string => `${hostname()}#${String(process.pid)}#${randomUUID()}`;

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
};

/**
 * The owner, when it is a process on this machine that has ended (a crash or SIGKILL): its lease need
 * not run out before another process resumes the batch. Leases from other machines are left to expire.
 */
export const staleLeaseOwner = (owner: string | null): string | null => {
  if (owner === null) return null;
  const [host, pidText] = owner.split('#');
  const pid = Number(pidText);
  if (host !== hostname() || !Number.isInteger(pid) || pid <= 0 || pid === process.pid) return null;
  return isAlive(pid) ? null : owner;
};

/**
 * The summary as whoever asks should see it: a lease left by a process on this machine that has ended
 * is no one sending, so the batch is not "sending elsewhere" but interrupted, free to resume.
 */
export const withLiveHolder = (
  batch: BatchSummary,
  leaseOwner: (batchId: string) => { readonly owner: string | null },
): BatchSummary =>
  batch.sendingElsewhere && staleLeaseOwner(leaseOwner(batch.id).owner) !== null
    ? { ...batch, sendingElsewhere: false }
    : batch;

/** "the command line (process 4242)" style, for messages. */
export const describeLeaseOwner = (owner: string): string => {
  const [host, pid] = owner.split('#');
  return `process ${pid ?? '?'} on ${host ?? 'another machine'}`;
};
