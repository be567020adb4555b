import { scheduleStateAt } from '../../common/batches/schedule.ts';
import type { BatchSummary } from '../../common/contract/batches.ts';

export interface WindowCloseNotice {
  /** Closing the window hides it; the app stays in the tray (menu bar) to send or start these. */
  readonly keepRunning: true;
  readonly message: string;
  /** Short lines for the tray's menu and tooltip: "Sending 2 batches", "Next: "Payroll" at 09:00". */
  readonly status: readonly string[];
}

const plural = (count: number, noun: string): string => `${String(count)} ${noun}${count === 1 ? '' : 'es'}`;

/**
 * What closing the window says while this process has batches to send or to start
 * (docs/architecture.md §5.14): null when nothing is under way and the app may quit. A late batch waits for the user whatever
 * happens, and one another process is sending is that process's, so neither keeps the app running.
 * `formatTime` shows a start time in the user's zone; `trayName` is "tray" or, on macOS, "menu bar".
 */
export const windowCloseNotice = (
  batches: readonly BatchSummary[],
  nowMs: number,
  formatTime: (iso: string) => string,
  trayName: 'tray' | 'menu bar',
): WindowCloseNotice | null => {
  const ours = batches.filter((batch) => !batch.sendingElsewhere);
  const sending = ours.filter((batch) => batch.status === 'sending');
  const waiting = ours
    .filter(
      (batch): batch is BatchSummary & { scheduledFor: string } =>
        batch.status === 'ready' &&
        batch.scheduledFor !== null &&
        scheduleStateAt(batch.scheduledFor, nowMs) !== 'late',
    )
    .sort((a, b) => Date.parse(a.scheduledFor) - Date.parse(b.scheduledFor));
  const next = waiting[0];
  if (sending.length === 0 && next === undefined) return null;

  const whileSending = sending.length === 0 ? null : `while it sends ${plural(sending.length, 'batch')}`;
  const toStart =
    next === undefined
      ? null
      : waiting.length === 1
        ? `to start "${next.name}" at ${formatTime(next.scheduledFor)}`
        : `to start ${plural(waiting.length, 'scheduled batch')}, the first at ${formatTime(next.scheduledFor)}`;
  return {
    keepRunning: true,
    message: `GiftBatch keeps running in the ${trayName} ${[whileSending, toStart].filter((part) => part !== null).join(', and ')}. Quit from the ${trayName} to stop it: a batch being sent resumes when GiftBatch starts again, and a scheduled batch found late is never sent without asking you.`,
    status: [
      ...(sending.length === 0 ? [] : [`Sending ${plural(sending.length, 'batch')}`]),
      ...(next === undefined ? [] : [`Next: "${next.name}" at ${formatTime(next.scheduledFor)}`]),
    ],
  };
};
