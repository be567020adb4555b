import { useState } from 'react';
import type { ReviewReport } from '../../../../common/contract/review.ts';
import { formatCents } from '../../../../common/money.ts';
import { typedAmountMatches } from '../../../../common/review/typed-amount.ts';
import { countOf } from '../../wording.ts';
import { useBatchesState, useReviewState, useUiState } from '../../state/stores.tsx';
import { SendAt } from './send-at.tsx';

/** Why Send is not available yet, or null when it is. */
const blockedBecause = (
  report: ReviewReport,
  shortfallCents: number,
  isConfirmed: boolean,
): string | null => {
  if (report.sendableRows === 0) return 'There is nothing to send: every row is excluded or has errors.';
  if (!report.canSend) return 'Fix or exclude the errors above first.';
  if (shortfallCents > 0) return 'The Available balance does not cover this batch: add funds first.';
  if (!isConfirmed) return 'Type the total above to confirm.';
  return null;
};

/** The one deliberate action: send, after typing the total when the batch is large. */
export const SendPanel = ({ report, shortfallCents }: { report: ReviewReport; shortfallCents: number }) => {
  const isSending = useReviewState((state) => state.isSending);
  const sendRequested = useReviewState((state) => state.sendRequested);
  const summaryReceived = useBatchesState((state) => state.summaryReceived);
  const batchTracked = useUiState((state) => state.batchTracked);
  const [typed, setTyped] = useState('');

  const total = formatCents(report.cost.costCents, report.cost.currencyCode);
  const isConfirmed = !report.confirmationRequired || typedAmountMatches(typed, report.cost.costCents);
  const blocked = blockedBecause(report, shortfallCents, isConfirmed);

  const send = async () => {
    const summary = await sendRequested(report.confirmationRequired ? typed : undefined);
    if (summary === null) return;
    summaryReceived(summary);
    batchTracked(summary.id);
  };

  return (
    <section className="send-panel" aria-label="Send">
      <div className="send-panel__row">
        {report.confirmationRequired ? (
          <label className="field send-panel__confirm">
            <span className="field__label">Type the total to confirm</span>
            <span className="field__hint">
              This batch is above {formatCents(report.confirmAboveCents, report.cost.currencyCode)}: type its
              total, <strong>{total}</strong>.
            </span>
            <input
              className="input"
              inputMode="decimal"
              autoComplete="off"
              placeholder={total}
              aria-invalid={typed !== '' && !isConfirmed}
              value={typed}
              onChange={(event) => {
                setTyped(event.target.value);
              }}
            />
          </label>
        ) : null}
        <button
          type="button"
          className="button button--primary button--send"
          disabled={blocked !== null || isSending}
          onClick={() => void send()}
        >
          {isSending ? 'Sending…' : `Send ${countOf(report.cost.cards, 'reward')} · ${total}`}
        </button>
      </div>
      <p
        className={typed !== '' && !isConfirmed ? 'send-panel__note text-error' : 'send-panel__note muted'}
        data-testid="send-blocked"
      >
        {typed !== '' && !isConfirmed
          ? `That is not the total of this batch: type ${total}.`
          : (blocked ?? 'Orders go out as soon as you send; you can pause, or cancel the rows not yet sent.')}
      </p>
      <SendAt
        report={report}
        blocked={blocked}
        typedAmount={report.confirmationRequired ? typed : undefined}
      />
    </section>
  );
};
