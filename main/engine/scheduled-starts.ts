import { scheduleStateAt } from '../../common/batches/schedule.ts';
import type { BatchSummary } from '../../common/contract/batches.ts';
import type { AppError } from '../../common/errors.ts';
import type { Result } from '../../common/result.ts';

/** What is found when the scheduled batches are looked at: started on time, or late and left for the user. */
export interface ScheduledRound {
  readonly started: readonly BatchSummary[];
  readonly late: readonly BatchSummary[];
  readonly failed: readonly { readonly batch: BatchSummary; readonly error: AppError }[];
}

/**
 * Starts the batches whose start time has come (docs/architecture.md §5.14). A batch past its time by
 * more than the grace is late and not started: the user decides (the app asks; `run-due` needs
 * --allow-late). Used by the app on a timer and by `giftbatch run-due` once.
 */
export const startDueBatches = (deps: {
  readonly scheduled: () => readonly BatchSummary[];
  readonly start: (batchId: string) => Result<BatchSummary, AppError>;
  readonly nowMs: number;
  readonly allowLate: boolean;
}): ScheduledRound => {
  const started: BatchSummary[] = [];
  const late: BatchSummary[] = [];
  const failed: { batch: BatchSummary; error: AppError }[] = [];
  for (const batch of deps.scheduled()) {
    if (batch.scheduledFor === null || batch.sendingElsewhere) continue;
    const state = scheduleStateAt(batch.scheduledFor, deps.nowMs);
    if (state === 'waiting') continue;
    if (state === 'late' && !deps.allowLate) {
      late.push(batch);
      continue;
    }
    const result = deps.start(batch.id);
    if (result.ok) started.push(result.value);
    else failed.push({ batch, error: result.error });
  }
  return { started, late, failed };
};

/**
 * The app's clock for scheduled batches: looks every `everyMs` (and at once), starts what is due, and
 * reports each late batch once, so the user is asked rather than sent to silently late.
 */
export const watchScheduledBatches = (deps: {
  readonly scheduled: () => readonly BatchSummary[];
  readonly start: (batchId: string) => Result<BatchSummary, AppError>;
  readonly now: () => number;
  readonly onRound: (round: ScheduledRound) => void;
  readonly everyMs?: number;
}): { readonly stop: () => void } => {
  const reportedLate = new Set<string>();
  const look = () => {
    const round = startDueBatches({ ...deps, nowMs: deps.now(), allowLate: false });
    const newlyLate = round.late.filter((batch) => !reportedLate.has(batch.id));
    for (const batch of newlyLate) reportedLate.add(batch.id);
    if (round.started.length + newlyLate.length + round.failed.length > 0) {
      deps.onRound({ ...round, late: newlyLate });
    }
  };
  look();
  const timer = setInterval(look, deps.everyMs ?? 15_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
};
