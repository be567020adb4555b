import type { Logger } from '../logging/logger.ts';
import { awaitProvider } from './await-provider.ts';
import type { BatchTask } from './batch-task.ts';
import type { OutagePolicy } from './outage-watch.ts';
import { stopOf, type Stop } from './run-control.ts';

/**
 * After an outage stopped the run (docs/architecture.md §5.10): the batch reads paused with the reason, and the
 * run waits for the provider until `untilMs`, probing it. True when the provider answers again and
 * sending carries on; false with `run.stop` set to what the run ends with.
 */
export const waitOutOutage = async (
  task: BatchTask,
  options: { readonly policy: OutagePolicy; readonly logger: Logger; readonly untilMs: number },
): Promise<boolean> => {
  const { batchId, ownerId, run, repository } = task;
  const outage = stopOf(run);
  if (outage?.kind !== 'pause' || outage.reason.kind !== 'provider_unreachable') return false;
  if (options.untilMs <= task.now()) return false;
  const paused = repository.whileHolding(batchId, ownerId, () => {
    repository.setStatus(batchId, 'paused', outage.reason);
  });
  if (!paused) {
    run.stop = { kind: 'lease_lost' };
    return false;
  }
  task.progress.touch();
  options.logger.warn('engine.provider_unreachable', { batchId });
  run.stop = null;
  const waited = await awaitProvider({
    run,
    probe: task.api.probe,
    policy: options.policy,
    now: task.now,
    random: task.random,
    untilMs: options.untilMs,
  });
  const next: Stop | null =
    waited.kind === 'back'
      ? null
      : waited.kind === 'refused'
        ? { kind: 'pause', reason: waited.reason }
        : waited.kind === 'gave_up' || stopOf(run)?.kind === 'shutdown'
          ? outage // still the outage: the reason stays as it is
          : stopOf(run);
  run.stop = next;
  if (next === outage) return false;
  // Sending again, or paused for another reason (the ledger keeps one reason per pause): `sending` first.
  const carriesOn = repository.whileHolding(batchId, ownerId, () => {
    repository.setStatus(batchId, 'sending');
  });
  task.progress.touch();
  if (!carriesOn) {
    run.stop = { kind: 'lease_lost' };
    return false;
  }
  if (next === null) task.outage.reset();
  // A cancel goes on to follow the orders already made; anything else ends the run here.
  return next === null || next.kind === 'cancel';
};
