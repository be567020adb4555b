import { Notification, type BrowserWindow } from 'electron';
import type { BatchSummary } from '../../common/contract/batches.ts';
import type { EventHub } from '../events/event-hub.ts';
import { batchAttention } from './batch-attention.ts';

/** Taskbar/dock progress while a batch sends and a system notification when it ends: thin shell code. */
export const showBatchProgress = (events: EventHub, window: BrowserWindow): (() => void) => {
  const lastStatus = new Map<string, BatchSummary['status']>();
  return events.on('batches:progressed', ({ summary }) => {
    const attention = batchAttention(summary, lastStatus.get(summary.id));
    lastStatus.set(summary.id, summary.status);
    if (window.isDestroyed()) return;
    window.setProgressBar(attention.progress, { mode: attention.mode });
    if (attention.notification !== null && Notification.isSupported()) {
      new Notification(attention.notification).show();
    }
  });
};
