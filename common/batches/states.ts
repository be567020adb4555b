/**
 * Row and batch state machines (docs/architecture.md §5). `cancelled` is a row that was never sent because the
 * user cancelled its batch: neither failed nor fulfilled, and kept so the record shows every row.
 */
export const rowStates = [
  'queued',
  'submitting',
  'pending',
  'fulfilled',
  'failed',
  'needs_review',
  'cancelled',
] as const;
export type RowState = (typeof rowStates)[number];

export const batchStates = [
  'ready',
  'sending',
  'paused',
  'completed',
  'completed_with_failures',
  'cancelled',
] as const;
export type BatchState = (typeof batchStates)[number];

/**
 * `submitting` means the row's PO number may have reached the provider and no answer settled it: it is
 * only ever sent again under that PO number, never checked or cancelled as if it had not been sent.
 */
const rowTransitions: Readonly<Record<RowState, readonly RowState[]>> = {
  // failed: main's check before sending refused it (a product gone from the catalog); nothing was sent.
  queued: ['submitting', 'cancelled', 'failed'],
  // Back to queued only when the provider said no order was made (422, 401, 403) to the first request.
  submitting: ['pending', 'fulfilled', 'failed', 'needs_review', 'queued'],
  pending: ['fulfilled', 'failed', 'needs_review'],
  fulfilled: [],
  // Retried: a new revision after an edit (queued), or the same PO number (submitting: its order may exist).
  failed: ['queued', 'submitting'],
  needs_review: ['submitting', 'fulfilled', 'failed'],
  cancelled: [],
};

const batchTransitions: Readonly<Record<BatchState, readonly BatchState[]>> = {
  ready: ['sending', 'cancelled'],
  sending: ['paused', 'completed', 'completed_with_failures', 'cancelled'],
  paused: ['sending', 'cancelled'],
  completed: [],
  // "Retry failed rows" sends again.
  completed_with_failures: ['sending'],
  cancelled: [],
};

export const canMoveRow = (from: RowState, to: RowState): boolean => rowTransitions[from].includes(to);
export const canMoveBatch = (from: BatchState, to: BatchState): boolean =>
  batchTransitions[from].includes(to);
