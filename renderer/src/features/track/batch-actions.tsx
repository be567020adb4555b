import { useState } from 'react';
import type { BatchSummary } from '../../../../common/contract/batches.ts';
import { ConfirmGroup } from '../../components/confirm-group.tsx';
import { countOf } from '../../wording.ts';
import { useBatchesState } from '../../state/stores.tsx';
import { awaitedStartOf } from './labels.ts';

/** Pause, Cancel (after a confirmation) and Retry failed rows, as the batch's status allows. */
export const BatchActions = ({
  summary,
  retryableRows,
}: {
  summary: BatchSummary;
  retryableRows: number;
}) => {
  const actionRequested = useBatchesState((state) => state.actionRequested);
  const pendingAction = useBatchesState((state) => state.pendingAction);
  const [isConfirmingCancel, setConfirmingCancel] = useState(false);
  const { status, counts } = summary;
  const isBusy = pendingAction !== null || summary.sendingElsewhere;
  // A scheduled batch is cancelled from its schedule notice, beside Send now and Change time.
  const canCancel =
    (status === 'sending' || status === 'paused' || status === 'ready') && awaitedStartOf(summary) === null;
  const failedRows = counts.failed + counts.needsReview;
  const canRetry = status === 'completed_with_failures' || (status === 'paused' && failedRows > 0);

  return (
    <div className="toolbar batch-actions" role="toolbar" aria-label="Batch actions">
      {status === 'sending' ? (
        <button
          type="button"
          className="button"
          disabled={isBusy}
          onClick={() => void actionRequested('pauseBatch', summary.id)}
        >
          Pause
        </button>
      ) : null}
      {canRetry ? (
        <button
          type="button"
          className="button button--primary"
          disabled={isBusy || retryableRows === 0}
          title={
            retryableRows === 0
              ? 'Rows the provider rejected need an edit before they can be sent again.'
              : undefined
          }
          onClick={() => void actionRequested('retryFailedRows', summary.id)}
        >
          Retry failed rows
        </button>
      ) : null}
      {canRetry ? (
        <span className="muted">
          {retryableRows === failedRows
            ? `${countOf(retryableRows, 'row')} can be sent again with the same PO number.`
            : `${countOf(retryableRows, 'row')} of ${String(failedRows)} can be sent again as they are; the provider rejected the others.`}
        </span>
      ) : null}
      {canCancel && !isConfirmingCancel ? (
        <button
          type="button"
          className="button button--danger"
          disabled={isBusy}
          onClick={() => {
            setConfirmingCancel(true);
          }}
        >
          Cancel batch
        </button>
      ) : null}
      {canCancel && isConfirmingCancel ? (
        <ConfirmGroup
          label="Confirm cancelling the batch"
          question={`Cancel this batch? The ${countOf(counts.queued, 'row')} not yet sent will never be sent. Rows already sent stay sent and recorded.`}
          confirmLabel="Yes, cancel batch"
          keepLabel="Keep the batch"
          isBusy={isBusy}
          onConfirm={() => {
            setConfirmingCancel(false);
            void actionRequested('cancelBatch', summary.id);
          }}
          onKeep={() => {
            setConfirmingCancel(false);
          }}
        />
      ) : null}
    </div>
  );
};
