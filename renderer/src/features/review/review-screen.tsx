import { useEffect } from 'react';
import type { ReviewReport } from '../../../../common/contract/review.ts';
import { formatCents } from '../../../../common/money.ts';
import { AddTestFunds } from '../../components/add-test-funds.tsx';
import { countOf, deliveryTypeLabels } from '../../wording.ts';
import { useConnectionState, useDraftState, useReviewState } from '../../state/stores.tsx';
import { SentDraftBanner } from '../compose/sent-draft-banner.tsx';
import { CostTable } from './cost-table.tsx';
import { LinksNotice } from './links-notice.tsx';
import { RecipientPreviews } from './recipient-previews.tsx';
import { ReviewFindings } from './review-findings.tsx';
import { SendPanel } from './send-panel.tsx';

/**
 * The Available balance against this batch. A shortfall says what to do where it is shown: in the
 * sandbox, add test funds with one click; elsewhere, add funds in the provider portal, then check again.
 */
const BalanceCallout = ({
  report,
  availableCents,
}: {
  report: ReviewReport;
  availableCents: number | null;
}) => {
  const environment = useConnectionState((state) => state.connection?.environment);
  const balanceRefreshRequested = useConnectionState((state) => state.balanceRefreshRequested);
  const money = (cents: number) => formatCents(cents, report.cost.currencyCode);
  if (availableCents === null) {
    return (
      <div className="callout" data-testid="review-balance">
        This environment does not report a balance; check it in the provider portal before sending.
      </div>
    );
  }
  const remaining = availableCents - report.cost.costCents;
  if (remaining >= 0) {
    return (
      <div className="callout callout--success" data-testid="review-balance">
        Available {money(availableCents)}: {money(remaining)} left after this batch.
      </div>
    );
  }
  return (
    <div className="callout callout--error review__shortfall" data-testid="review-balance">
      <span>
        Available {money(availableCents)}: short by {money(-remaining)}.{' '}
        {environment === 'sandbox'
          ? 'This is the sandbox: add test funds to send it.'
          : 'Add funds in the provider portal and wait until they are Available.'}
      </span>
      <span className="review__shortfall-actions">
        <AddTestFunds shortfallCents={-remaining} currencyCode={report.cost.currencyCode} />
        {environment === 'sandbox' ? null : (
          <button type="button" className="button" onClick={() => void balanceRefreshRequested()}>
            Check the balance again
          </button>
        )}
      </span>
    </div>
  );
};

const ReviewReportView = ({ report }: { report: ReviewReport }) => {
  const status = useReviewState((state) => state.status);
  const error = useReviewState((state) => state.error);
  const errorRowsExcluded = useReviewState((state) => state.errorRowsExcluded);
  const exclusionsCleared = useReviewState((state) => state.exclusionsCleared);
  const balance = useConnectionState((state) => state.connection?.balance ?? null);
  const availableCents = balance?.availableCents ?? null;
  const shortfallCents = availableCents === null ? 0 : Math.max(0, report.cost.costCents - availableCents);
  const isBusy = status === 'loading';

  return (
    <div className="review" aria-busy={isBusy}>
      <p className="review__batch" data-testid="review-batch">
        <strong>{report.name}</strong> · {deliveryTypeLabels[report.deliveryType]} ·{' '}
        {countOf(report.rowsInDraft, 'row')} · {countOf(report.cost.cards, 'reward')} ready
        {report.excludedRows === 0 ? null : (
          <>
            {' '}
            · {countOf(report.excludedRows, 'row')} excluded{' '}
            <button
              type="button"
              className="button button--link"
              disabled={isBusy}
              onClick={() => void exclusionsCleared()}
            >
              Include them again
            </button>
          </>
        )}
      </p>
      <CostTable report={report} />
      <div className="review__facts">
        <BalanceCallout report={report} availableCents={availableCents} />
        <div className="callout" data-testid="review-po-range">
          {report.poRange === null ? (
            'No PO numbers: there is no row to send.'
          ) : (
            <>
              PO numbers <code>{report.poRange.first}</code> to <code>{report.poRange.last}</code>, one per
              row, batch <code>{report.batchId}</code>.
            </>
          )}
        </div>
        <LinksNotice report={report} />
      </div>
      <RecipientPreviews report={report} />
      <ReviewFindings report={report} isBusy={isBusy} onExcludeErrors={() => void errorRowsExcluded()} />
      {error === null ? null : (
        <p className="callout callout--error" role="alert">
          {error}
        </p>
      )}
      <SendPanel
        key={`${report.batchId}-${String(report.cost.costCents)}`}
        report={report}
        shortfallCents={shortfallCents}
      />
    </div>
  );
};

/** Before anything is sent: main's review of the stored draft, against the Available balance. */
export const ReviewScreen = () => {
  const draftId = useDraftState((state) => state.draftId);
  const sent = useDraftState((state) => state.sent);
  const rowCount = useDraftState((state) => state.rows.length);
  const report = useReviewState((state) => state.report);
  const status = useReviewState((state) => state.status);
  const error = useReviewState((state) => state.error);
  const reviewRequested = useReviewState((state) => state.reviewRequested);
  const balanceRefreshRequested = useConnectionState((state) => state.balanceRefreshRequested);

  useEffect(() => {
    // The balance is fetched again on entering the screen: it may have changed since the last look.
    void balanceRefreshRequested();
  }, [balanceRefreshRequested]);
  useEffect(() => {
    if (draftId !== null && sent === null) void reviewRequested();
  }, [draftId, sent, reviewRequested]);

  if (draftId === null) return <p className="muted">Open or start a draft in Compose first.</p>;
  // A sent draft is never offered again (docs/architecture.md §1.8); main refuses it too.
  if (sent !== null) {
    return (
      <div className="review" data-testid="review-sent-draft">
        <SentDraftBanner sent={sent} rowCount={rowCount} />
      </div>
    );
  }
  if (report?.draftId !== draftId) {
    return status === 'failed' ? (
      <div className="review">
        <p className="callout callout--error" role="alert">
          {error}
        </p>
        <button type="button" className="button" onClick={() => void reviewRequested()}>
          Review again
        </button>
      </div>
    ) : (
      <p className="muted review" role="status">
        Reviewing the draft…
      </p>
    );
  }
  return <ReviewReportView report={report} />;
};
