import type { PauseReason, RowFailure } from '../../common/contract/batches.ts';
import type { QueuedRow, RowToSend } from '../batches/batch-types.ts';
import { errorOf, type SendWrite } from '../batches/send-writes.ts';
import type { CreateOrderRequest } from '../api/order-types.ts';
import type { SendStep } from './batch-engine-options.ts';
import type { BatchTask } from './batch-task.ts';
import { createGroupCommit, type Committed } from './group-commit.ts';
import { actionFor, leavesOutcomeOpen, type RowAction } from './order-outcome.ts';
import { noteAttempt, unreachableReason } from './outage-stop.ts';
import { firstPollDelayMs, jittered } from './poll-schedule.ts';
import { createRateGate } from './rate-gate.ts';
import { abandonsRequests, stopOf, together, type Stop } from './run-control.ts';

export interface SendHooks {
  /** See BatchEngineOptions.onStep. */
  readonly onStep?:
    ((step: SendStep, batchId: string, rowNo: number, rowNos?: readonly number[]) => void) | undefined;
  /** Checked before each row: false once another process holds the batch's lease. */
  readonly keepsLease: () => boolean;
  /** Why main would not send this order today (a product gone from the catalog…), checked before it is. */
  readonly problemOf: (request: CreateOrderRequest) => string | undefined;
}

/**
 * How long an answer waits for others to share its commit. A crash within it loses the answer, and the
 * row, still `submitting`, is sent again under its PO number (409 → the original order): a few dozen
 * more requests after a crash at most, against one commit for every 30 or so writes. Measured at 8
 * requests in flight and 50 ms a request (README, Performance): 20 ms and windows of one row per worker
 * made groups of 7 writes (0.72 ms a row in commits), 100 ms and two rows per worker groups of 22
 * (0.35–0.44 ms), 200 ms and four rows per worker groups of 35 (0.27–0.28 ms). The run's last answers
 * are committed at once, so no send waits it out.
 */
const answerLingerMs = 200;

/** A window holds four rows per worker: each commit readies four rounds of requests. */
const windowRowsPerWorker = 4;

/** The writes that record a provider's answer. */
const answerKinds: ReadonlySet<SendWrite['kind']> = new Set(['record', 'requeue', 'note', 'fail']);

/** A row durable as `submitting`, ready for its request. */
interface ReadyRow extends RowToSend {
  /** Its PO number may have reached the provider before this run: never put back as unsent. */
  readonly outcomeOpen: boolean;
}

const notSent = (problem: string): RowFailure => ({
  kind: 'invalid_request',
  message: `Not sent: ${problem} Edit the row, then send it again.`,
  retry: 'edit',
});

/** The ledger write that settles an answer the batch does not pause on. */
const settleWrite = (
  rowNo: number,
  action: Exclude<RowAction, { kind: 'pause' }>,
  requests: readonly string[],
  poll: () => { at: number; delayMs: number },
  resultClass: string,
): SendWrite => {
  switch (action.kind) {
    case 'record':
      return { kind: 'record', rowNo, outcome: action.outcome, poll: poll(), requests };
    case 'fail':
      return {
        kind: 'fail',
        rowNo,
        to: action.to,
        failure: action.failure,
        responseClass: resultClass,
        requests,
      };
    case 'leave_submitting':
      return { kind: 'note', rowNo, responseClass: 'abandoned', requests };
    case 'requeue':
      return { kind: 'requeue', rowNo, responseClass: action.responseClass, requests };
  }
};

/**
 * Sends the batch's rows with bounded concurrency and request rate, committing in groups
 * (docs/architecture.md §5.9): a window of rows is made `submitting` in one transaction before any of
 * their requests leaves, and answers are recorded a group at a time while the next requests go out.
 * Rows of a window left unsent when the run stops go back to the queue; a crash leaves them
 * `submitting`, to be sent under their PO numbers on resume.
 */
export const sendRows = async (task: BatchTask, hooks: SendHooks): Promise<void> => {
  const { batchId, run, api, repository, progress, settings } = task;
  const gate = createRateGate(() => settings.requestsPerSecond, task.now, task.sleep);
  const queue: QueuedRow[] = repository.rowsToSend(batchId);
  const windowSize = Math.max(1, settings.concurrency) * windowRowsPerWorker;
  const ledger = createGroupCommit({
    writer: task.writer,
    batchId,
    ownerId: task.ownerId,
    lingerMs: answerLingerMs,
    beforeCommit: (writes) => {
      const answered = writes.filter((write) => answerKinds.has(write.kind)).map((write) => write.rowNo);
      const [first] = answered;
      if (first !== undefined) hooks.onStep?.('answers-committing', batchId, first, answered);
    },
    ...(task.onLedgerGroup === undefined ? {} : { afterCommit: task.onLedgerGroup }),
  });

  let failure: { readonly error: unknown } | undefined;
  const fail = (error: unknown): void => {
    failure ??= { error };
    run.stop ??= { kind: 'shutdown' };
  };
  /** The write's result, or undefined (and the run stopped) once another process holds the batch. */
  const heldResult = (committed: Committed) => {
    if (!committed.held) {
      run.stop = { kind: 'lease_lost' };
      return undefined;
    }
    if (!committed.result.ok) throw errorOf(committed.result.error);
    return committed.result;
  };

  const ready: ReadyRow[] = [];
  let window: Promise<void> | undefined;
  const fillWindow = async (): Promise<void> => {
    const rows = queue.splice(0, windowSize);
    // Rows whose PO number may have reached the provider are re-sent as they are: their order may exist,
    // and only the same request finds it (409). Others are checked against the catalog once more.
    const writes = rows.map((row): SendWrite => {
      const problem = row.outcomeOpen ? undefined : hooks.problemOf(row.request);
      return problem === undefined
        ? { kind: 'submit', rowNo: row.rowNo }
        : { kind: 'not_sent', rowNo: row.rowNo, failure: notSent(problem) };
    });
    const committed = await Promise.all(writes.map((write) => ledger.write(write, true)));
    const sendable: ReadyRow[] = [];
    let refused: { readonly error: unknown } | undefined;
    rows.forEach((row, index) => {
      try {
        const result = heldResult(committed[index] ?? { held: false });
        if (result?.sent !== undefined) sendable.push({ ...result.sent, outcomeOpen: row.outcomeOpen });
        if (result !== undefined) progress.touch(row.rowNo);
      } catch (error) {
        refused ??= { error };
      }
    });
    const [first] = sendable;
    if (first !== undefined) {
      hooks.onStep?.(
        'window-committed',
        batchId,
        first.rowNo,
        sendable.map((row) => row.rowNo),
      );
    }
    ready.push(...sendable);
    if (refused !== undefined) throw refused.error;
  };
  /** Commits the next window while less than a window of rows is ready, so no worker waits for the disk. */
  const refill = (): Promise<void> | undefined => {
    if (window === undefined && ready.length < windowSize && queue.length > 0 && stopOf(run) === null) {
      window = fillWindow()
        .catch(fail)
        .finally(() => {
          window = undefined;
        });
    }
    return window;
  };
  const takeRow = async (): Promise<ReadyRow | undefined> => {
    for (;;) {
      const waiting = refill();
      const row = ready.shift();
      if (row !== undefined) return row;
      if (waiting === undefined || stopOf(run) !== null) return undefined;
      await waiting;
    }
  };

  const answers = new Set<Promise<void>>();
  const record = (rowNo: number, write: SendWrite): void => {
    const recorded = ledger
      .write(write, false)
      .then((committed) => {
        if (heldResult(committed) !== undefined) progress.touch(rowNo);
      })
      .catch(fail)
      .finally(() => answers.delete(recorded));
    answers.add(recorded);
  };

  /** 422, 401/403 or an outage: nothing more is sent, and the batch pauses once this answer is recorded. */
  const pauseOn = async (
    row: ReadyRow,
    action: Extract<RowAction, { kind: 'pause' }>,
    requests: readonly string[],
    availableCents: number | undefined,
  ): Promise<void> => {
    const stop: Stop = { kind: 'pause', reason: action.reason };
    run.stop ??= stop;
    const write: SendWrite = {
      kind: action.noOrder ? 'requeue' : 'note',
      rowNo: row.rowNo,
      responseClass: action.responseClass,
      requests,
    };
    // Urgent, so every answer queued before it is in the ledger when the shortfall is read.
    if (heldResult(await ledger.write(write, true)) === undefined) return;
    progress.touch(row.rowNo);
    if (availableCents === undefined || run.stop !== stop) return;
    const reason: PauseReason = {
      ...action.reason,
      shortfallCents: Math.max(0, repository.unsentCostCents(batchId) - availableCents),
    };
    run.stop = { kind: 'pause', reason };
  };

  const sendRow = async (row: ReadyRow): Promise<void> => {
    let outcomeOpen = row.outcomeOpen;
    hooks.onStep?.('committed', batchId, row.rowNo);
    const requests: string[] = [];
    const result = await api.createOrder(row.request, {
      stopRetrying: () => abandonsRequests(run),
      onAttempt: (attempt) => {
        requests.push(`${attempt.method} ${attempt.path} ${String(attempt.result)}`);
        if (attempt.method === 'POST' && leavesOutcomeOpen(attempt.result)) outcomeOpen = true;
        noteAttempt(task, attempt.result);
      },
    });
    hooks.onStep?.('answered', batchId, row.rowNo);
    const action = actionFor(result, abandonsRequests(run), outcomeOpen, () => unreachableReason(task));
    if (action.kind === 'pause') {
      const available =
        !result.ok && result.error.kind === 'insufficient_funds' ? result.error.availableCents : undefined;
      await pauseOn(row, action, requests, available);
      return;
    }
    const poll = () => {
      const cards = row.request.lines.reduce((sum, line) => sum + line.quantity, 0);
      return { at: task.now(), delayMs: jittered(firstPollDelayMs(cards, task.firstPollMs), task.random) };
    };
    record(row.rowNo, settleWrite(row.rowNo, action, requests, poll, result.ok ? 'ok' : result.error.kind));
  };

  const worker = async (): Promise<void> => {
    while (stopOf(run) === null) {
      await gate();
      const row = await takeRow();
      if (row === undefined) return;
      if (stopOf(run) !== null || !hooks.keepsLease()) {
        ready.unshift(row);
        return;
      }
      await sendRow(row);
    }
  };

  /**
   * Once the workers are done: the window's unsent rows go back to the queue (rows open from an earlier
   * run stay `submitting`), and every answer is committed before the run moves on.
   */
  const settleLedger = async (): Promise<void> => {
    await window;
    for (const row of ready.splice(0)) {
      if (row.outcomeOpen) continue;
      record(row.rowNo, { kind: 'withdraw', rowNo: row.rowNo });
    }
    await ledger.drain();
    await Promise.all(answers);
  };

  const workers = Array.from({ length: Math.min(settings.concurrency, queue.length) }, worker);
  let stopped: { readonly error: unknown } | undefined;
  try {
    await together(run, workers);
  } catch (error) {
    stopped = { error };
  }
  try {
    await settleLedger();
  } catch (error) {
    stopped ??= { error };
  }
  const thrown = stopped ?? failure;
  if (thrown !== undefined) throw thrown.error;
};
