import type { BatchDetail, BatchSummary } from '../../common/contract/batches.ts';
import { withLiveHolder } from './lease-owner.ts';
import type { BatchRepository } from './batch-repository.ts';

/**
 * What screens and the CLI read about batches, as the asking process should see it: a lease this
 * process holds itself is not "sending elsewhere", and one left by a process that has ended is no one
 * sending. Reads only; sending is the engine's job.
 */
export const createBatchQueries = (deps: {
  readonly repository: BatchRepository;
  /** The lease owner of this process's engine; none for a process that only reads. */
  readonly ownerId?: string;
  readonly now?: () => number;
}) => {
  const { repository, ownerId } = deps;
  const now = deps.now ?? Date.now;
  const live = (batch: BatchSummary): BatchSummary => withLiveHolder(batch, repository.leaseOwner);

  return {
    summary: (batchId: string): BatchSummary | undefined => {
      const batch = repository.summary(batchId, now(), ownerId);
      return batch === undefined ? undefined : live(batch);
    },
    list: (): BatchSummary[] => repository.list(now(), ownerId).map(live),
    /** Committed batches waiting for their start time, soonest first. */
    scheduled: (): BatchSummary[] => repository.scheduled(now(), ownerId).map(live),
    detail: (batchId: string): BatchDetail | undefined => {
      const detail = repository.detail(batchId, now(), ownerId);
      return detail === undefined ? undefined : { ...detail, summary: live(detail.summary) };
    },
  };
};

export type BatchQueries = ReturnType<typeof createBatchQueries>;
