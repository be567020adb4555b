import { useState } from 'react';
import { formatStartTime, scheduleStateAt } from '../../../../common/batches/schedule.ts';
import type { BatchSummary } from '../../../../common/contract/batches.ts';
import { ConfirmGroup } from '../../components/confirm-group.tsx';
import { countOf } from '../../wording.ts';
import { useBatchesState } from '../../state/stores.tsx';
import { StartTimeField } from '../schedule/start-time-field.tsx';
import {
  describeUntil,
  startTimeFromInput,
  suggestedStartMs,
  toLocalInputValue,
} from '../schedule/start-time-format.ts';
import { useNow } from '../schedule/use-now.ts';

const NewTimeForm = ({ summary, onDone }: { summary: BatchSummary; onDone: () => void }) => {
  const rescheduleRequested = useBatchesState((state) => state.rescheduleRequested);
  const pendingAction = useBatchesState((state) => state.pendingAction);
  const now = useNow(15_000);
  const [value, setValue] = useState(() => toLocalInputValue(suggestedStartMs(Date.now())));
  const startAt = startTimeFromInput(value, now);
  return (
    <form
      className="schedule-notice__form"
      onSubmit={(event) => {
        event.preventDefault();
        // Checked again at the moment of saving: the time shown may have passed since the last tick.
        const chosen = startTimeFromInput(value, Date.now());
        if (!chosen.ok) return;
        void rescheduleRequested(summary.id, chosen.value).then((accepted) => {
          if (accepted) onDone();
        });
      }}
    >
      <StartTimeField label="New start time" value={value} nowMs={now} onValueChange={setValue} />
      <button
        type="submit"
        className="button button--primary"
        disabled={!startAt.ok || pendingAction !== null}
      >
        Save new time
      </button>
      <button type="button" className="button button--quiet" onClick={onDone}>
        Keep the current time
      </button>
    </form>
  );
};

/**
 * A committed batch waiting for its start time (docs/architecture.md §5.14): when, and Send now, a new
 * time, or Cancel. One found late was not sent because GiftBatch was not running: it waits for the user.
 */
export const ScheduleNotice = ({
  summary,
  scheduledFor,
}: {
  summary: BatchSummary;
  scheduledFor: string;
}) => {
  const actionRequested = useBatchesState((state) => state.actionRequested);
  const pendingAction = useBatchesState((state) => state.pendingAction);
  const now = useNow(5_000);
  const [mode, setMode] = useState<'idle' | 'rescheduling' | 'cancelling'>('idle');
  const state = scheduleStateAt(scheduledFor, now);
  const when = formatStartTime(scheduledFor, now);
  const isBusy = pendingAction !== null || summary.sendingElsewhere;
  const rows = countOf(summary.counts.queued, 'row');

  const title =
    state === 'late'
      ? `Was scheduled for ${when} and has not been sent (GiftBatch was not running then)`
      : state === 'due'
        ? `Scheduled for ${when}: starting now`
        : `Scheduled for ${when} (${describeUntil(scheduledFor, now)})`;
  const explanation =
    state === 'late'
      ? `It was not sent late without asking you. Send it now, pick a new time, or cancel it: its ${rows} have not been sent.`
      : `Its ${rows} and their PO numbers are recorded; it starts by itself at that time while GiftBatch is running.`;

  return (
    <section
      className={`schedule-notice ${state === 'late' ? 'schedule-notice--late' : ''}`}
      aria-labelledby="schedule-title"
      data-testid="schedule-notice"
    >
      <div className="schedule-notice__text">
        <h3
          className="schedule-notice__title"
          id="schedule-title"
          role={state === 'late' ? 'alert' : undefined}
        >
          {title}
        </h3>
        <p>{explanation}</p>
      </div>
      {mode === 'rescheduling' ? (
        <NewTimeForm
          summary={summary}
          onDone={() => {
            setMode('idle');
          }}
        />
      ) : null}
      {mode === 'cancelling' ? (
        <ConfirmGroup
          label="Confirm cancelling the scheduled batch"
          question={`Cancel this batch? None of its ${rows} will be sent; the record of it stays in History.`}
          confirmLabel="Yes, cancel batch"
          keepLabel="Keep the batch"
          isBusy={isBusy}
          onConfirm={() => {
            setMode('idle');
            void actionRequested('cancelBatch', summary.id);
          }}
          onKeep={() => {
            setMode('idle');
          }}
        />
      ) : null}
      {mode === 'idle' ? (
        <div className="toolbar" role="toolbar" aria-label="Scheduled batch actions">
          <button
            type="button"
            className="button button--primary"
            disabled={isBusy}
            onClick={() => void actionRequested('resumeBatch', summary.id)}
          >
            Send now
          </button>
          <button
            type="button"
            className="button"
            disabled={isBusy}
            onClick={() => {
              setMode('rescheduling');
            }}
          >
            {state === 'late' ? 'Pick a new time…' : 'Change time…'}
          </button>
          <button
            type="button"
            className="button button--danger"
            disabled={isBusy}
            onClick={() => {
              setMode('cancelling');
            }}
          >
            Cancel batch…
          </button>
        </div>
      ) : null}
    </section>
  );
};
