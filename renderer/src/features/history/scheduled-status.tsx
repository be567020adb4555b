import { scheduleStateAt } from '../../../../common/batches/schedule.ts';
import { formatStartTime } from '../../../../common/batches/schedule.ts';
import { useNow } from '../schedule/use-now.ts';

/**
 * History's status for a committed batch waiting for its start time: the ledger says `ready`, the
 * user reads "Scheduled" and when, or "Late" when GiftBatch was not running at that time.
 */
export const ScheduledStatus = ({ scheduledFor }: { scheduledFor: string }) => {
  const now = useNow(30_000);
  const isLate = scheduleStateAt(scheduledFor, now) === 'late';
  const when = formatStartTime(scheduledFor, now);
  return (
    <>
      <span className={isLate ? 'badge badge--late' : 'badge badge--scheduled'}>
        {isLate ? 'Late' : 'Scheduled'}
      </span>
      <span className="batches__reason">{isLate ? `Was due ${when}; not sent` : when}</span>
    </>
  );
};
