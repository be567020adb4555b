/**
 * Scheduled sends (docs/architecture.md §5.14). A batch found more than `lateAfterMs` past its start time
 * (the app was closed, the computer asleep, the OS scheduler did not run) is late: it is never sent
 * silently late, the user is asked first (the CLI's `run-due` needs --allow-late).
 */
export const lateAfterMs = 5 * 60_000;

/** How far ahead a start time may be set: a year, so a typo in the year is caught. */
export const furthestScheduleMs = 366 * 24 * 60 * 60_000;

export type ScheduleState = 'waiting' | 'due' | 'late';

export const scheduleStateAt = (scheduledFor: string, nowMs: number): ScheduleState => {
  const startMs = Date.parse(scheduledFor);
  if (nowMs < startMs) return 'waiting';
  return nowMs - startMs > lateAfterMs ? 'late' : 'due';
};

/** A start time as the ledger stores it (UTC, ISO 8601), or why it cannot be one. */
export const checkStartTime = (
  startAt: string,
  nowMs: number,
): { readonly ok: true; readonly value: string } | { readonly ok: false; readonly error: string } => {
  const startMs = Date.parse(startAt);
  if (Number.isNaN(startMs)) return { ok: false, error: `"${startAt}" is not a date and time.` };
  // A minute of grace: the time the user picked as "now" has passed by the time they press the button.
  if (startMs < nowMs - 60_000) return { ok: false, error: 'Choose a start time in the future.' };
  if (startMs > nowMs + furthestScheduleMs) {
    return { ok: false, error: 'Choose a start time within a year.' };
  }
  return { ok: true, value: new Date(startMs).toISOString() };
};

/**
 * What the user is told about a batch found late, by main's notice and by the window when it opens
 * (main may have looked before the window was listening); `when` is the start time as the reader's
 * clock shows it.
 */
export const lateBatchMessage = (
  batch: { readonly name: string; readonly id: string },
  when: string,
): string =>
  `${batch.name} (${batch.id}) was scheduled for ${when} and has not been sent: GiftBatch was not running then. Open it in History to send it now, pick a new time or cancel it.`;

/** One notice per late batch, whoever posts it, so the window's and main's replace each other. */
export const lateBatchNoticeId = (batchId: string): string => `scheduled-late-${batchId}`;

const startTimeParts = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * "Tue 24 Dec, 09:00" in the user's zone; the year only when it is not this one. The one way a start time
 * is said: the app, its notices, the tray and the command line alike.
 */
export const formatStartTime = (iso: string, nowMs: number): string => {
  const date = new Date(iso);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    startTimeParts.formatToParts(date).find((each) => each.type === type)?.value ?? '';
  const year = date.getFullYear() === new Date(nowMs).getFullYear() ? '' : ` ${part('year')}`;
  return `${part('weekday')} ${part('day')} ${part('month')}${year}, ${part('hour')}:${part('minute')}`;
};
