import {
  formatStartTime,
  lateBatchMessage,
  lateBatchNoticeId,
  scheduleStateAt,
} from '../../../common/batches/schedule.ts';
import type { BatchSummary } from '../../../common/contract/batches.ts';
import type { UiStore } from './ui-store.ts';

/**
 * On start, each scheduled batch found late is said at once (docs/architecture.md §5.14): main looks as
 * soon as it starts, before the window listens, so its own notice may have gone unheard.
 */
export const announceLateBatches = (batches: readonly BatchSummary[], ui: UiStore, nowMs: number): void => {
  for (const batch of batches) {
    if (batch.status !== 'ready' || batch.scheduledFor === null || batch.sendingElsewhere) continue;
    if (scheduleStateAt(batch.scheduledFor, nowMs) !== 'late') continue;
    ui.getState().noticeReceived({
      id: lateBatchNoticeId(batch.id),
      level: 'warning',
      message: lateBatchMessage(batch, formatStartTime(batch.scheduledFor, nowMs)),
    });
  }
};
