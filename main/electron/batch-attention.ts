import type { BatchSummary } from '../../common/contract/batches.ts';
import { formatCents } from '../../common/money.ts';

/** What the OS shell shows for a batch: taskbar progress, and a notification when it ends or stops. */
export interface BatchAttention {
  /** 0–1 while sending; -1 removes the bar. */
  readonly progress: number;
  readonly mode: 'normal' | 'paused' | 'error' | 'none';
  readonly notification: { readonly title: string; readonly body: string } | null;
}

const finishedStates = new Set<BatchSummary['status']>([
  'completed',
  'completed_with_failures',
  'cancelled',
  'paused',
]);

/**
 * Pure, so it is tested without Electron. A notification is due only when the status changes into a
 * finished or paused state, never on every progress event.
 */
export const batchAttention = (
  summary: BatchSummary,
  previousStatus: BatchSummary['status'] | undefined,
): BatchAttention => {
  const { counts } = summary;
  const done = counts.fulfilled + counts.failed + counts.needsReview + counts.cancelled;
  const fraction = counts.rows === 0 ? 0 : done / counts.rows;
  const changed = previousStatus !== summary.status && finishedStates.has(summary.status);
  const spent = formatCents(summary.chargedCostCents, summary.currencyCode);
  switch (summary.status) {
    case 'ready':
    case 'sending':
      return { progress: fraction, mode: 'normal', notification: null };
    case 'paused':
      return {
        progress: fraction,
        mode: 'paused',
        notification: changed
          ? {
              title: `${summary.name} paused`,
              body: summary.pauseReason?.message ?? 'Resume it to carry on.',
            }
          : null,
      };
    case 'completed':
      return {
        progress: -1,
        mode: 'none',
        notification: changed
          ? {
              title: `${summary.name} sent`,
              body: `${String(counts.fulfilled)} rewards fulfilled, ${spent}.`,
            }
          : null,
      };
    case 'completed_with_failures':
      return {
        progress: 1,
        mode: 'error',
        notification: changed
          ? {
              title: `${summary.name} finished with problems`,
              body: `${String(counts.fulfilled)} fulfilled, ${String(counts.failed + counts.needsReview)} need attention.`,
            }
          : null,
      };
    case 'cancelled':
      return {
        progress: -1,
        mode: 'none',
        notification: changed
          ? {
              title: `${summary.name} cancelled`,
              body: `${String(counts.fulfilled)} rewards had been fulfilled, ${spent}.`,
            }
          : null,
      };
  }
};
