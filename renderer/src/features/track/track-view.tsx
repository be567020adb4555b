import { useCallback, useEffect, useMemo, useState } from 'react';
import type { BatchRowView, BatchSummary } from '../../../../common/contract/batches.ts';
import { describeCharged, describeChargedUnknown } from '../../../../common/batches/charged-cost.ts';
import { formatCents } from '../../../../common/money.ts';
import { countOf, deliveryTypeLabels, environmentLabels, formatDateTime } from '../../wording.ts';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { ErrorCallout } from '../../components/error-callout.tsx';
import { useBatchesState, useRowEditState } from '../../state/stores.tsx';
import { BackToHistory } from './back-to-history.tsx';
import { BatchActions } from './batch-actions.tsx';
import { BatchProgress } from './batch-progress.tsx';
import { BatchRowsGrid } from './batch-rows-grid.tsx';
import { EditRowDialog } from './edit-row-dialog.tsx';
import { awaitedStartOf, batchStatusLabels } from './labels.ts';
import { PauseNotice } from './pause-notice.tsx';
import { RecordActions } from './record-actions.tsx';
import { RevealClaimDialog } from './reveal-claim-dialog.tsx';
import { ScheduleNotice } from './schedule-notice.tsx';

const environmentLabel = (environment: string): string =>
  environment in environmentLabels
    ? environmentLabels[environment as keyof typeof environmentLabels]
    : environment;

/** One line saying how the batch ended, once it has. */
const outcomeOf = (summary: BatchSummary): string | null => {
  const { counts } = summary;
  switch (summary.status) {
    case 'completed':
      return `Done: ${countOf(counts.fulfilled, 'reward')} fulfilled, ${describeCharged(summary)}.`;
    case 'completed_with_failures':
      return `Finished with problems: ${String(counts.fulfilled)} fulfilled (${describeCharged(summary)}), ${String(counts.failed)} failed, ${String(counts.needsReview)} need review.`;
    case 'cancelled':
      return `Cancelled: ${String(counts.fulfilled)} fulfilled (${describeCharged(summary)}), ${String(counts.cancelled)} not sent.`;
    case 'ready':
    case 'sending':
    case 'paused':
      return null;
    default: {
      const unknown: never = summary.status;
      throw new Error(`Unknown batch status ${String(unknown)}`);
    }
  }
};

/**
 * Paused or not started, or finished with rows queued again that did not go out (an edited row whose
 * sending could not start): Resume sends them.
 */
const isWaitingToSend = (summary: BatchSummary): boolean =>
  summary.status === 'paused' ||
  summary.status === 'ready' ||
  (summary.status === 'completed_with_failures' && summary.counts.queued > 0 && !summary.sendingElsewhere);

/** Live progress of one batch: counts, the reason it paused, its actions, and every row. */
export const TrackView = ({ batchId }: { batchId: string }) => {
  const track = useBatchesState((state) => state.tracks[batchId]);
  const loadError = useBatchesState((state) => state.trackErrors[batchId]);
  const actionError = useBatchesState((state) => state.actionError);
  const batchOpened = useBatchesState((state) => state.batchOpened);
  const editRequested = useRowEditState((state) => state.editRequested);
  const editRow = useCallback(
    (row: BatchRowView) => {
      void editRequested(batchId, row);
    },
    [batchId, editRequested],
  );
  const [isFailuresOnly, setFailuresOnly] = useState(false);
  const [revealRow, setRevealRow] = useState<BatchRowView | null>(null);

  useEffect(() => {
    void batchOpened(batchId);
  }, [batchId, batchOpened]);

  const rows = track?.rows;
  const failures = useMemo(
    () => (rows ?? []).filter((row) => row.state === 'failed' || row.state === 'needs_review'),
    [rows],
  );
  const retryableRows = useMemo(
    () => failures.filter((row) => row.failure?.retry === 'same_po').length,
    [failures],
  );

  const back = <BackToHistory className="button--link track__back" />;
  if (track === undefined) {
    return (
      <div className="track">
        {back}
        {loadError === undefined ? <p className="muted">Loading batch {batchId}…</p> : null}
        <ErrorCallout message={loadError} />
      </div>
    );
  }

  const { summary } = track;
  const outcome = outcomeOf(summary);
  // While sending, rows in flight are unknown only until their answer: the note waits for the batch to stop.
  const chargedUnknown = summary.status === 'sending' ? undefined : describeChargedUnknown(summary);
  const awaitedStart = awaitedStartOf(summary);
  return (
    <div className="track">
      {back}
      <header className="track__head">
        <h2 className="track__title" id="track-title">
          {summary.name}
        </h2>
        <span
          className={`badge badge--${awaitedStart === null ? summary.status : 'scheduled'}`}
          data-testid="batch-status"
        >
          {awaitedStart === null ? batchStatusLabels[summary.status] : 'Scheduled'}
        </span>
      </header>
      <p className="track__meta muted">
        Batch <code>{summary.id}</code> · {deliveryTypeLabels[summary.deliveryType]} ·{' '}
        {environmentLabel(summary.environment)} · created {formatDateTime(summary.createdAt)} · PO numbers{' '}
        <code>{summary.firstPoNumber}</code> to <code>{summary.lastPoNumber}</code> · reviewed at{' '}
        {formatCents(summary.reviewedCostCents, summary.currencyCode)}
      </p>
      {summary.sendingElsewhere ? (
        <p className="callout">
          Another GiftBatch process (the app or the command line) is sending this batch right now.
        </p>
      ) : null}
      {outcome === null ? null : (
        <p
          className={`callout ${summary.status === 'completed' ? 'callout--success' : ''}`}
          data-testid="batch-outcome"
        >
          {outcome}
        </p>
      )}
      {chargedUnknown === undefined ? null : (
        <p className="callout callout--warning" data-testid="charged-unknown">
          {chargedUnknown}
        </p>
      )}
      <BatchProgress summary={summary} />
      {awaitedStart !== null ? (
        <ScheduleNotice summary={summary} scheduledFor={awaitedStart} />
      ) : isWaitingToSend(summary) ? (
        <PauseNotice summary={summary} />
      ) : null}
      <ErrorCallout message={actionError} />
      <div className="track__tools">
        <BatchActions summary={summary} retryableRows={retryableRows} />
        <RecordActions summary={summary} />
        <CheckboxField checked={isFailuresOnly} onCheckedChange={setFailuresOnly}>
          Failures only ({failures.length})
        </CheckboxField>
      </div>
      <BatchRowsGrid
        rows={isFailuresOnly ? failures : track.rows}
        deliveryType={summary.deliveryType}
        currencyCode={summary.currencyCode}
        canEdit={summary.status !== 'sending' && !summary.sendingElsewhere}
        onEditRow={editRow}
        onRevealRow={setRevealRow}
      />
      {revealRow === null ? null : (
        <RevealClaimDialog
          batchId={summary.id}
          row={revealRow}
          onClose={() => {
            setRevealRow(null);
          }}
        />
      )}
      <EditRowDialog
        batchId={summary.id}
        deliveryType={summary.deliveryType}
        defaultCountry={summary.defaultCountry}
      />
    </div>
  );
};
