import { useState } from 'react';
import { formatStartTime } from '../../../../common/batches/schedule.ts';
import type { ReviewReport } from '../../../../common/contract/review.ts';
import { formatCents } from '../../../../common/money.ts';
import { countOf } from '../../wording.ts';
import { useBatchesState, useReviewState, useUiState } from '../../state/stores.tsx';
import { StartTimeField } from '../schedule/start-time-field.tsx';
import {
  describeTimeZone,
  startTimeFromInput,
  suggestedStartMs,
  toLocalInputValue,
} from '../schedule/start-time-format.ts';
import { useNow } from '../schedule/use-now.ts';

/**
 * "Send at…": the batch is committed now, with its PO numbers, and starts by itself at the chosen time
 * (docs/architecture.md §5.14). What blocks Send blocks this too, the typed total included.
 */
export const SendAt = ({
  report,
  blocked,
  typedAmount,
}: {
  report: ReviewReport;
  /** Why Send is not available, as the send panel says it; the same applies here. */
  blocked: string | null;
  typedAmount: string | undefined;
}) => {
  const isSending = useReviewState((state) => state.isSending);
  const sendRequested = useReviewState((state) => state.sendRequested);
  const summaryReceived = useBatchesState((state) => state.summaryReceived);
  const batchTracked = useUiState((state) => state.batchTracked);
  const noticeReceived = useUiState((state) => state.noticeReceived);
  const now = useNow(15_000);
  const [isOpen, setOpen] = useState(false);
  const [value, setValue] = useState('');

  if (!isOpen) {
    return (
      <button
        type="button"
        className="button send-at__open"
        onClick={() => {
          setValue(toLocalInputValue(suggestedStartMs(Date.now())));
          setOpen(true);
        }}
      >
        Send at…
      </button>
    );
  }

  const startAt = startTimeFromInput(value, now);
  const total = formatCents(report.cost.costCents, report.cost.currencyCode);
  const schedule = async () => {
    // Checked again at the moment of sending: the time shown may have passed since the last tick.
    const chosen = startTimeFromInput(value, Date.now());
    if (!chosen.ok) return;
    const summary = await sendRequested(typedAmount, chosen.value);
    if (summary === null) return;
    summaryReceived(summary);
    noticeReceived({
      id: `scheduled-${summary.id}`,
      level: 'success',
      message: `Scheduled for ${formatStartTime(chosen.value, Date.now())} (${describeTimeZone(Date.parse(chosen.value))}): "${summary.name}" starts by itself then, while GiftBatch is running.`,
    });
    batchTracked(summary.id);
  };

  return (
    <div className="send-at" role="group" aria-label="Send at a later time">
      <div className="send-panel__row">
        <StartTimeField label="Start sending at" value={value} nowMs={now} onValueChange={setValue} />
        <button
          type="button"
          className="button button--primary"
          disabled={blocked !== null || !startAt.ok || isSending}
          onClick={() => void schedule()}
        >
          {isSending ? 'Scheduling…' : `Schedule ${countOf(report.cost.cards, 'reward')} · ${total}`}
        </button>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => {
            setOpen(false);
          }}
        >
          Not now
        </button>
      </div>
      <p className="send-panel__note muted">
        The batch is recorded now with its PO numbers and starts by itself at that time while GiftBatch is
        running (it can stay in the tray). Until then you can send it now, change the time or cancel it from
        History. If GiftBatch is closed at that time, it asks you before sending late.
      </p>
    </div>
  );
};
