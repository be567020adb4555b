import type { RowFailure } from '../contract/batches.ts';
import type { RowState } from './states.ts';

/**
 * A row the provider rejected as it was: it goes out again only as the user edits it, under its next
 * revision's PO number. The one rule for the ledger, the batch service and the Track screen.
 */
export const isRevisable = (row: {
  readonly state: RowState;
  readonly failure: Pick<RowFailure, 'retry'> | null;
}): boolean => row.state === 'failed' && row.failure?.retry === 'edit';
