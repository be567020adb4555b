import type { PauseReason } from '../../common/contract/batches.ts';
import type { BatchTask } from './batch-task.ts';
import { providerUnreachable } from './pause-reasons.ts';

/** The outage pause, dated from the first of the failures that make it up. */
export const unreachableReason = (task: BatchTask): PauseReason =>
  providerUnreachable(task.outage.since() ?? task.now());

/**
 * Every request's result goes to the run's outage watch; once it sees an outage, the batch pauses at
 * once, and requests still retrying stop (each row then stays open, or goes back to the queue unsent).
 */
export const noteAttempt = (task: BatchTask, result: number | string): void => {
  task.outage.attempt(result);
  if (task.outage.isOutage()) task.run.stop ??= { kind: 'pause', reason: unreachableReason(task) };
};
