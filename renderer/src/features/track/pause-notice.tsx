import type { BatchSummary } from '../../../../common/contract/batches.ts';
import { formatCents } from '../../../../common/money.ts';
import { AddTestFunds } from '../../components/add-test-funds.tsx';
import { countOf } from '../../wording.ts';
import { useBatchesState } from '../../state/stores.tsx';
import { pauseReasonLabels } from './labels.ts';

/** A paused (or interrupted, or not yet started) batch, or rows left queued: why, what to do, and Resume. */
export const PauseNotice = ({ summary }: { summary: BatchSummary }) => {
  const actionRequested = useBatchesState((state) => state.actionRequested);
  const pendingAction = useBatchesState((state) => state.pendingAction);
  const reason = summary.pauseReason;
  const shortfallCents = reason?.shortfallCents ?? null;
  const unsent = summary.counts.queued + summary.counts.submitting;
  const title =
    summary.status === 'ready'
      ? 'Not started yet'
      : summary.status === 'completed_with_failures'
        ? 'Rows waiting to be sent'
        : reason === null
          ? 'Paused'
          : `Paused: ${reason.message}`;
  return (
    <section className="pause-notice" aria-labelledby="pause-title">
      <div className="pause-notice__text">
        <h3 className="pause-notice__title" id="pause-title">
          {title}
        </h3>
        {reason === null ? null : (
          <p className="pause-notice__kind muted" data-testid="pause-kind">
            {pauseReasonLabels[reason.kind]}
          </p>
        )}
        {shortfallCents === null ? null : (
          <p className="pause-notice__shortfall" data-testid="pause-shortfall">
            Short by {formatCents(shortfallCents, summary.currencyCode)}.{' '}
            <AddTestFunds shortfallCents={shortfallCents} currencyCode={summary.currencyCode} />
          </p>
        )}
        <p>
          {reason?.advice ?? 'Resume to send the rest.'} {countOf(unsent, 'row')} still to send.
        </p>
      </div>
      <button
        type="button"
        className="button button--primary"
        disabled={pendingAction !== null || summary.sendingElsewhere}
        onClick={() => void actionRequested('resumeBatch', summary.id)}
      >
        Resume
      </button>
    </section>
  );
};
