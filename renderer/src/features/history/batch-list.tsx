import { useEffect } from 'react';
import type { BatchSummary } from '../../../../common/contract/batches.ts';
import { formatCents } from '../../../../common/money.ts';
import { countOf, formatDateTime } from '../../components/format.ts';
import { useBatchesState, useUiState } from '../../state/stores.tsx';
import { batchStatusLabels, isWaitingForUser } from '../track/labels.ts';

const BatchListRow = ({ summary }: { summary: BatchSummary }) => {
  const batchTracked = useUiState((state) => state.batchTracked);
  const actionRequested = useBatchesState((state) => state.actionRequested);
  const pendingAction = useBatchesState((state) => state.pendingAction);
  const money = (cents: number) => formatCents(cents, summary.currencyCode);
  const { counts } = summary;
  const isWaiting = isWaitingForUser(summary);
  const problems = [
    counts.failed === 0 ? null : `${String(counts.failed)} failed`,
    counts.needsReview === 0 ? null : `${String(counts.needsReview)} need review`,
    counts.cancelled === 0 ? null : `${String(counts.cancelled)} cancelled`,
  ].filter((part) => part !== null);

  return (
    <tr
      className={isWaiting ? 'batches__row batches__row--waiting' : 'batches__row'}
      onClick={() => {
        batchTracked(summary.id);
      }}
    >
      <th scope="row">
        <button
          type="button"
          className="button--link batches__name"
          onClick={(event) => {
            event.stopPropagation();
            batchTracked(summary.id);
          }}
        >
          {summary.name}
        </button>
        <span className="batches__id">{summary.id}</span>
      </th>
      <td>
        <span className={`badge badge--${summary.status}`}>{batchStatusLabels[summary.status]}</span>
        {summary.pauseReason === null ? null : (
          <span className="batches__reason">{summary.pauseReason.message}</span>
        )}
      </td>
      <td>
        {counts.fulfilled.toLocaleString('en-US')} of {countOf(counts.rows, 'row')} fulfilled
        {problems.length === 0 ? null : <span className="batches__reason">{problems.join(' · ')}</span>}
      </td>
      <td className="batches__money">{money(summary.reviewedCostCents)}</td>
      <td className="batches__money">{money(summary.fulfilledCostCents)}</td>
      <td>{formatDateTime(summary.createdAt)}</td>
      <td>
        {isWaiting ? (
          <button
            type="button"
            className="button button--primary"
            disabled={pendingAction !== null}
            onClick={(event) => {
              event.stopPropagation();
              void actionRequested('resumeBatch', summary.id).then(() => {
                batchTracked(summary.id);
              });
            }}
          >
            Resume
          </button>
        ) : null}
      </td>
    </tr>
  );
};

/** Every batch, newest first; the ones waiting for the user (paused, interrupted) say so first. */
export const BatchList = () => {
  const summaries = useBatchesState((state) => state.summaries);
  const listStatus = useBatchesState((state) => state.listStatus);
  const listError = useBatchesState((state) => state.listError);
  const actionError = useBatchesState((state) => state.actionError);
  const batchesRequested = useBatchesState((state) => state.batchesRequested);

  useEffect(() => {
    void batchesRequested();
  }, [batchesRequested]);

  const waiting = summaries.filter(isWaitingForUser).length;
  if (listStatus === 'failed') {
    return (
      <p className="callout callout--error history" role="alert">
        {listError}
      </p>
    );
  }
  if (summaries.length === 0) {
    return (
      <p className="muted history">
        {listStatus === 'ready' ? 'No batches yet: compose one, review it and send it.' : 'Loading batches…'}
      </p>
    );
  }
  return (
    <div className="history">
      {waiting === 0 ? null : (
        <p className="callout callout--warning" data-testid="waiting-batches">
          {countOf(waiting, 'batch', 'batches')} paused or interrupted: resume {waiting === 1 ? 'it' : 'them'}{' '}
          to send the rows not yet sent. Rows already sent are never sent twice.
        </p>
      )}
      {actionError === null ? null : (
        <p className="callout callout--error" role="alert">
          {actionError}
        </p>
      )}
      <table className="review__table batches" aria-label="Batches">
        <thead>
          <tr>
            <th scope="col">Batch</th>
            <th scope="col">Status</th>
            <th scope="col">Rows</th>
            <th scope="col">Reviewed cost</th>
            <th scope="col">Fulfilled cost</th>
            <th scope="col">Created</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {summaries.map((summary) => (
            <BatchListRow key={summary.id} summary={summary} />
          ))}
        </tbody>
      </table>
    </div>
  );
};
