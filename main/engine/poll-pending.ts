import type { Result } from '../../common/result.ts';
import type { ApiError } from '../api/api-error.ts';
import type { Order } from '../api/order-types.ts';
import type { PendingRow } from '../batches/batch-repository.ts';
import type { BatchTask } from './batch-task.ts';
import { isUnreachable, outcomeOf, pauseFor, statusNote } from './order-outcome.ts';
import { noteAttempt, unreachableReason } from './outage-stop.ts';
import { jittered, maxPollDelayMs, nextPollDelayMs } from './poll-schedule.ts';
import { haltsPolling } from './run-control.ts';

const pollRow = async (task: BatchTask, row: PendingRow): Promise<void> => {
  const polled = await task.api.getOrder(row.orderId, (attempt) => {
    noteAttempt(task, attempt.result);
  });
  // Written only while this process still holds the batch: a new sender polls the order itself.
  if (
    !task.repository.whileHolding(task.batchId, task.ownerId, () => {
      recordPoll(task, row, polled);
    })
  ) {
    task.run.stop = { kind: 'lease_lost' };
  }
};

const recordPoll = (task: BatchTask, row: PendingRow, polled: Result<Order, ApiError>): void => {
  const { batchId, repository, settings } = task;
  if (polled.ok) {
    const outcome = outcomeOf(polled.value, 'poll');
    if (outcome.state !== 'pending') {
      repository.recordOrder(batchId, row.rowNo, outcome);
      return;
    }
  }
  const status = polled.ok ? polled.value.rawStatus : polled.error.kind;
  // Credentials refused (401 after the refresh, 403): the order is unknown to us, not late. The batch
  // pauses with the reason, and the row stays pending for the resume to look at again.
  const refused = polled.ok ? undefined : pauseFor(polled.error);
  if (refused !== undefined) {
    task.run.stop ??= { kind: 'pause', reason: refused };
    return;
  }
  // No answer even after retries: the provider is out, not the order late. No deadline runs out on it.
  const unreachable = !polled.ok && isUnreachable(polled.error);
  if (unreachable) task.run.stop ??= { kind: 'pause', reason: unreachableReason(task) };
  // A status not understood is followed like pending, and the row says so (undefined: no answer to judge).
  const note = polled.ok ? (statusNote(polled.value) ?? null) : undefined;
  if (!unreachable && task.now() - row.pendingSince >= settings.pendingDeadlineMinutes * 60_000) {
    const still =
      note === undefined || note === null
        ? 'still not complete'
        : `still in a status GiftBatch does not understand ('${status}')`;
    repository.failRow(
      batchId,
      row.rowNo,
      'needs_review',
      {
        kind: 'pending_deadline',
        message: `Order ${row.orderId} was ${still} after ${String(settings.pendingDeadlineMinutes)} minutes. Check it in the provider's portal; "Retry failed rows" looks it up again under the same PO number.`,
        retry: 'same_po',
      },
      status,
    );
    return;
  }
  const delay = Math.min(maxPollDelayMs, nextPollDelayMs(row.pollDelayMs || task.firstPollMs));
  repository.reschedulePoll(
    batchId,
    row.rowNo,
    status,
    task.now() + jittered(delay, task.random),
    delay,
    note,
  );
};

/**
 * Polls pending orders with backoff until none is left and sending has ended, or until the batch
 * pauses or shuts down (docs/architecture.md §5.8); after the deadline a row becomes needs_review.
 */
export const pollPending = async (
  task: BatchTask,
  sent: { readonly done: () => boolean; readonly finished: Promise<void> },
): Promise<void> => {
  const { run, repository, now } = task;
  for (;;) {
    if (haltsPolling(run)) return;
    const pending = repository.pendingRows(task.batchId);
    if (pending.length === 0 && sent.done()) return;
    for (const row of pending.filter((candidate) => candidate.nextPollAt <= now())) {
      if (haltsPolling(run)) return;
      await pollRow(task, row);
      task.progress.touch(row.rowNo);
    }
    const soonest = Math.min(...pending.map((row) => row.nextPollAt), now() + 250);
    // Woken early when sending ends, so a batch with nothing pending completes without a wait.
    await Promise.race([task.sleep(Math.max(10, Math.min(250, soonest - now()))), sent.finished]);
  }
};
