import type { AppNotice } from '../../common/contract/app.ts';
import type { ScheduledRound } from './scheduled-starts.ts';

const localTime = (iso: string): string =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** What the user is told about a round of scheduled starts: each start, each late batch, each refusal. */
export const scheduledRoundNotices = (round: ScheduledRound): AppNotice[] => [
  ...round.started.map((batch): AppNotice => ({
    id: `scheduled-started-${batch.id}`,
    level: 'info',
    message: `${batch.name} (${batch.id}) started sending as scheduled.`,
  })),
  ...round.late.map((batch): AppNotice => ({
    id: `scheduled-late-${batch.id}`,
    level: 'warning',
    message: `${batch.name} (${batch.id}) was scheduled for ${localTime(batch.scheduledFor ?? '')} and has not been sent: GiftBatch was not running then. Open it to send it now, pick a new time or cancel it.`,
  })),
  ...round.failed.map(({ batch, error }): AppNotice => ({
    id: `scheduled-failed-${batch.id}`,
    level: 'error',
    message: `${batch.name} (${batch.id}) could not start at its scheduled time: ${error.message}`,
  })),
];
