import { formatStartTime, lateBatchMessage, lateBatchNoticeId } from '../../common/batches/schedule.ts';
import type { AppNotice } from '../../common/contract/app.ts';
import type { ScheduledRound } from './scheduled-starts.ts';

/** What the user is told about a round of scheduled starts: each start, each late batch, each refusal. */
export const scheduledRoundNotices = (round: ScheduledRound): AppNotice[] => [
  ...round.started.map((batch): AppNotice => ({
    id: `scheduled-started-${batch.id}`,
    level: 'info',
    message: `${batch.name} (${batch.id}) started sending as scheduled.`,
  })),
  ...round.late.map((batch): AppNotice => ({
    id: lateBatchNoticeId(batch.id),
    level: 'warning',
    message: lateBatchMessage(batch, formatStartTime(batch.scheduledFor ?? '', Date.now())),
  })),
  ...round.failed.map(({ batch, error }): AppNotice => ({
    id: `scheduled-failed-${batch.id}`,
    level: 'error',
    message: `${batch.name} (${batch.id}) could not start at its scheduled time: ${error.message}`,
  })),
];
