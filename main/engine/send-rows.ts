import { firstPollDelayMs, jittered } from './poll-schedule.ts';
import type { BatchTask } from './batch-task.ts';
import { actionFor, leavesOutcomeOpen } from './order-outcome.ts';
import { createRateGate } from './rate-gate.ts';
import { noteAttempt, unreachableReason } from './outage-stop.ts';
import { abandonsRequests, stopOf, together } from './run-control.ts';
import type { CreateOrderRequest } from '../api/order-types.ts';

export interface SendHooks {
  /** See BatchEngineOptions.onStep. */
  readonly onStep?: ((step: 'committed' | 'answered', batchId: string, rowNo: number) => void) | undefined;
  /** Checked before each row: false once another process holds the batch's lease. */
  readonly keepsLease: () => boolean;
  /** Why main would not send this order today (a product gone from the catalog…), checked before it is. */
  readonly problemOf: (request: CreateOrderRequest) => string | undefined;
}

/**
 * Sends the batch's rows with bounded concurrency and request rate: each row's `submitting` state is
 * committed before its request, and the answer is recorded before the next row is taken.
 */
export const sendRows = async (task: BatchTask, hooks: SendHooks): Promise<void> => {
  const { batchId, run, api, repository, progress, settings } = task;
  const gate = createRateGate(() => settings.requestsPerSecond, task.now, task.sleep);
  const queue = repository.rowsToSend(batchId);

  const sendRow = async (rowNo: number, request: CreateOrderRequest): Promise<void> => {
    // Rows whose PO number may have reached the provider (`submitting`) are re-sent as they are: their
    // order may exist, and only the same request finds it (409).
    let outcomeOpen = repository.rowView(batchId, rowNo).state === 'submitting';
    const problem = outcomeOpen ? undefined : hooks.problemOf(request);
    if (problem !== undefined) {
      repository.failRow(
        batchId,
        rowNo,
        'failed',
        {
          kind: 'invalid_request',
          message: `Not sent: ${problem} Edit the row, then send it again.`,
          retry: 'edit',
        },
        'not_sent',
      );
      progress.touch(rowNo);
      return;
    }
    const row = repository.markSubmitting(batchId, rowNo);
    progress.touch(rowNo);
    hooks.onStep?.('committed', batchId, rowNo);
    const requests: string[] = [];
    const result = await api.createOrder(row.request, {
      stopRetrying: () => abandonsRequests(run),
      onAttempt: (attempt) => {
        requests.push(`${attempt.method} ${attempt.path} ${String(attempt.result)}`);
        if (attempt.method === 'POST' && leavesOutcomeOpen(attempt.result)) outcomeOpen = true;
        noteAttempt(task, attempt.result);
      },
    });
    hooks.onStep?.('answered', batchId, rowNo);
    const action = actionFor(result, abandonsRequests(run), outcomeOpen, () => unreachableReason(task));
    const settle = (): void => {
      switch (action.kind) {
        case 'record': {
          const cards = row.request.lines.reduce((sum, line) => sum + line.quantity, 0);
          const delayMs = jittered(firstPollDelayMs(cards, task.firstPollMs), task.random);
          repository.recordOrder(batchId, rowNo, action.outcome, { at: task.now(), delayMs }, requests);
          break;
        }
        case 'pause': {
          if (action.noOrder) repository.returnToQueue(batchId, rowNo, action.responseClass, requests);
          else repository.noteRequests(batchId, rowNo, requests, action.responseClass);
          const available =
            !result.ok && result.error.kind === 'insufficient_funds'
              ? result.error.availableCents
              : undefined;
          const shortfall =
            available === undefined
              ? action.reason.shortfallCents
              : Math.max(0, repository.unsentCostCents(batchId) - available);
          run.stop ??= { kind: 'pause', reason: { ...action.reason, shortfallCents: shortfall } };
          break;
        }
        case 'fail':
          repository.failRow(
            batchId,
            rowNo,
            action.to,
            action.failure,
            result.ok ? 'ok' : result.error.kind,
            requests,
          );
          break;
        case 'leave_submitting':
          repository.noteRequests(batchId, rowNo, requests);
          break;
        case 'requeue':
          repository.returnToQueue(batchId, rowNo, action.responseClass, requests);
          break;
      }
    };
    // Another process took the batch over while this answer was on its way: the row is its now, and
    // the same PO number it sends finds this order (409).
    if (!repository.whileHolding(batchId, task.ownerId, settle)) {
      run.stop = { kind: 'lease_lost' };
      return;
    }
    progress.touch(rowNo);
  };

  const worker = async (): Promise<void> => {
    for (let next = queue.shift(); next !== undefined && stopOf(run) === null; next = queue.shift()) {
      await gate();
      if (stopOf(run) !== null || !hooks.keepsLease()) return;
      await sendRow(next.rowNo, next.request);
    }
  };
  await together(run, Array.from({ length: Math.min(settings.concurrency, queue.length) }, worker));
};
