import type { BatchState, RowState } from '../../../../common/batches/states.ts';
import type { BatchCounts, BatchSummary, PauseReason } from '../../../../common/contract/batches.ts';

export const batchStatusLabels: Record<BatchState, string> = {
  ready: 'Ready',
  sending: 'Sending',
  paused: 'Paused',
  completed: 'Completed',
  completed_with_failures: 'Completed with failures',
  cancelled: 'Cancelled',
};

export const rowStateLabels: Record<RowState, string> = {
  queued: 'Queued',
  submitting: 'Submitting',
  pending: 'Pending',
  fulfilled: 'Fulfilled',
  failed: 'Failed',
  needs_review: 'Needs review',
  cancelled: 'Cancelled',
};

/** Why a batch paused, in a word or two: the notice's message says the rest. */
export const pauseReasonLabels: Record<PauseReason['kind'], string> = {
  insufficient_funds: 'Insufficient funds',
  unauthorized: 'Credentials refused',
  forbidden: 'API access disabled',
  not_configured: 'Not set up',
  provider_unreachable: 'Provider unreachable',
  interrupted: 'Interrupted',
  user: 'Paused by you',
};

/** The counts Track shows, in the order a row moves through them. */
export const countKeys = [
  ['queued', 'Queued'],
  ['submitting', 'Submitting'],
  ['pending', 'Pending'],
  ['fulfilled', 'Fulfilled'],
  ['failed', 'Failed'],
  ['needsReview', 'Needs review'],
  ['cancelled', 'Cancelled'],
] as const satisfies readonly (readonly [keyof BatchCounts, string])[];

/** Rows whose outcome is settled: nothing more will happen to them unless the user retries. */
export const settledRows = (counts: BatchCounts): number =>
  counts.fulfilled + counts.failed + counts.needsReview + counts.cancelled;

/** Paused and interrupted batches wait for the user; History puts them first. */
export const isWaitingForUser = (summary: BatchSummary): boolean =>
  !summary.sendingElsewhere && (summary.status === 'paused' || summary.status === 'ready');

/** When a committed batch that has not started will start by itself; null once it has, or if not scheduled. */
export const awaitedStartOf = (summary: BatchSummary): string | null =>
  summary.status === 'ready' ? summary.scheduledFor : null;
