import type { RowFailure } from '../../common/contract/batches.ts';
import type { BatchMoves, Immediate } from './batch-moves.ts';

/** Sending a batch's failed rows again, and cancelling what it has not sent. */
export const createRetryAndCancel = (
  { rowRecords, moveRow, moveBatch }: BatchMoves,
  immediate: Immediate,
) => ({
  /**
   * Failed rows that are safe to send again as they are (outcome unknown or transient) go back to the
   * queue under their own PO number: if the first attempt did reach the provider, the 409 finds it.
   */
  requeueRetryable: immediate((batchId: string): number => {
    let requeued = 0;
    for (const row of rowRecords(batchId)) {
      const failure = row.failure_json === null ? null : (JSON.parse(row.failure_json) as RowFailure); // ours
      if ((row.state === 'failed' || row.state === 'needs_review') && failure?.retry === 'same_po') {
        // Its order may exist, so it goes back as `submitting`: sent again as it is, under its PO number,
        // never checked or cancelled as a row that was not sent. A pending order it finds gets a new
        // deadline, not the old one.
        moveRow(
          row,
          'submitting',
          { failure_json: null, pending_since: null, next_poll_at: null, poll_delay_ms: null },
          { kind: 'row.retry', detail: {} },
        );
        requeued += 1;
      }
    }
    return requeued;
  }),

  /**
   * Cancel: rows never sent are kept as cancelled; rows already sent stay as they are. A row left
   * `submitting` (its request unanswered when the batch paused) may have an order, and a cancelled
   * batch is never resumed to find out, so it goes to review rather than hide in that state.
   */
  cancel: immediate((batchId: string): void => {
    for (const row of rowRecords(batchId)) {
      if (row.state === 'queued') moveRow(row, 'cancelled', {}, { kind: 'row.cancelled', detail: {} });
      if (row.state === 'submitting') {
        const failure: RowFailure = {
          kind: 'outcome_unknown',
          message: `The batch was cancelled before the provider answered for PO number ${row.po_number}: an order may exist. Check this PO number in the provider's portal.`,
          retry: 'none',
        };
        moveRow(
          row,
          'needs_review',
          { failure_json: JSON.stringify(failure) },
          { kind: 'row.cancelled', detail: { failure: failure.kind } },
        );
      }
    }
    moveBatch(batchId, 'cancelled', null);
  }),
});
