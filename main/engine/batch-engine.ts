import type { BatchSummary } from '../../common/contract/batches.ts';
import { appError, type AppError } from '../../common/errors.ts';
import { err, ok, type Result } from '../../common/result.ts';
import { destinationMismatch } from '../connection/destination.ts';
import type { BatchEngineOptions } from './batch-engine-options.ts';
import type { BatchTask } from './batch-task.ts';
import { createBatchQueries } from '../batches/batch-queries.ts';
import { describeLeaseOwner, newLeaseOwner, staleLeaseOwner } from '../batches/lease-owner.ts';
import { orderProblemIn } from './order-problem.ts';
import { createProgressCoalescer } from './progress-coalescer.ts';
import { interrupted, stopOf, stoppedOnError, userPause, type Run, type Stop } from './run-control.ts';
import { sendAndPoll } from './send-and-poll.ts';
import { waitOutOutage } from './outage-pause.ts';
import { describeFailure, fundsStillShort, leaseLostMessage } from './run-failures.ts';
import { createOutageWatch, defaultOutagePolicy } from './outage-watch.ts';
import { toAppError } from '../api/api-error.ts';
import { inlineLedgerWriter } from '../batches/ledger-writer.ts';

export type { OrderApi } from './batch-task.ts';
export type { BatchEngineOptions } from './batch-engine-options.ts';

/**
 * Sends batches (docs/architecture.md §5): each row's state is committed before its request, one order per row,
 * bounded concurrency and request rate, a pause on the provider's "no" to money or credentials, pending
 * orders polled to an end or to a deadline, and a lease so that one process sends a batch at a time.
 */
export const createBatchEngine = (options: BatchEngineOptions) => {
  const { repository, logger } = options;
  const ownerId = options.ownerId ?? newLeaseOwner();
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  const leaseMs = options.leaseMs ?? 30_000;
  const firstPollMs = options.firstPollMs ?? 2_000;
  const outagePolicy = { ...defaultOutagePolicy, ...options.outage };
  const runs = new Map<string, Run>();
  const writer = options.writer ?? inlineLedgerWriter(repository);

  const queries = createBatchQueries({ repository, ownerId, now });
  const { summary, list } = queries;
  const notFound = (batchId: string) => err(appError('not_found', `There is no batch ${batchId}.`));

  const heldElsewhere = (batchId: string): AppError => {
    const holder = repository.leaseOwner(batchId);
    return appError(
      'validation',
      `Batch ${batchId} is being sent by ${describeLeaseOwner(holder.owner ?? '')}; only one GiftBatch may send it at a time. Wait for it to finish${
        holder.until === null
          ? ''
          : `, or until ${new Date(holder.until).toISOString()} if that process has stopped`
      }.`,
    );
  };

  const leaseLost = (batchId: string): AppError =>
    appError('validation', leaseLostMessage(batchId, ownerId, repository.leaseOwner(batchId).owner));

  const otherDestination = (batchId: string): AppError | undefined => {
    if (options.destination === undefined) return undefined;
    const mismatch = destinationMismatch(batchId, repository.destination(batchId), options.destination());
    return mismatch === undefined ? undefined : appError('validation', mismatch);
  };

  const takeLease = (batchId: string): Result<void, AppError> => {
    const { owner } = repository.leaseOwner(batchId);
    if (repository.acquireLease(batchId, ownerId, now() + leaseMs, now(), staleLeaseOwner(owner)))
      return ok(undefined);
    return err(heldElsewhere(batchId));
  };

  const finish = (batchId: string, stop: Stop | null): void => {
    // A cancelled batch was only being followed until its pending orders settled: it stays cancelled.
    if (repository.status(batchId) === 'cancelled') return;
    switch (stop?.kind) {
      case 'pause':
        repository.setStatus(batchId, 'paused', stop.reason);
        return;
      case 'shutdown':
        repository.setStatus(batchId, 'paused', interrupted);
        return;
      case 'cancel':
        repository.cancel(batchId);
        return;
      case 'lease_lost':
        // The batch is the other process's now: its state is not this one's to write.
        return;
      case undefined: {
        const counts = repository.summary(batchId, now(), ownerId)?.counts;
        if (counts === undefined || counts.queued + counts.submitting + counts.pending > 0) return;
        repository.setStatus(
          batchId,
          counts.failed + counts.needsReview > 0 ? 'completed_with_failures' : 'completed',
        );
      }
    }
  };

  /**
   * Cancelled once nothing more is being sent: queued rows are cancelled and the batch says so now,
   * while the run goes on following its pending orders until the provider settles them.
   */
  const cancelWhileFollowing = (batchId: string): void => {
    repository.whileHolding(batchId, ownerId, () => {
      repository.cancel(batchId);
    });
  };

  /** Still this engine's batch? A lease lost (this process asleep past its expiry) ends sending at once. */
  const keepsLease = (batchId: string, run: Run): boolean => {
    if (stopOf(run)?.kind === 'lease_lost') return false;
    if (repository.leaseOwner(batchId).owner === ownerId) return true;
    run.stop = { kind: 'lease_lost' };
    return false;
  };

  const execute = async (
    batchId: string,
    run: Run,
    providerWaitMs: number,
  ): Promise<Result<BatchSummary, AppError>> => {
    const progress = createProgressCoalescer({
      intervalMs: options.progressIntervalMs ?? 100,
      read: (rowNos) => {
        const current = summary(batchId);
        return current === undefined
          ? undefined
          : { summary: current, changedRows: rowNos.map((rowNo) => repository.rowView(batchId, rowNo)) };
      },
      emit: options.onProgress,
    });
    const renew = setInterval(() => {
      try {
        if (!repository.acquireLease(batchId, ownerId, now() + leaseMs, now(), null)) {
          run.stop = { kind: 'lease_lost' };
        }
      } catch (error) {
        // A busy ledger: the next renewal tries again, well before the lease runs out.
        logger.warn('engine.lease_renewal_failed', {
          batchId,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }, leaseMs / 3);
    renew.unref();
    try {
      const api = await options.api();
      if (!api.ok) return err(toAppError(api.error));
      const products = await (options.catalog?.() ?? Promise.resolve(ok(undefined)));
      if (!products.ok) return err(toAppError(products.error));
      const problemOf = products.value === undefined ? () => undefined : orderProblemIn(products.value);
      const short = await fundsStillShort(api.value, repository, summary(batchId), now);
      // Still short: the batch pauses again with the new reason, having sent nothing.
      if (short !== undefined) run.stop = { kind: 'pause', reason: short };
      // A cancelled batch sends nothing more (its queue was cancelled); its pending orders are followed.
      if (repository.status(batchId) !== 'cancelled') repository.setStatus(batchId, 'sending');
      progress.touch();
      const task: BatchTask = {
        batchId,
        ownerId,
        run,
        api: api.value,
        repository,
        writer,
        onLedgerGroup: options.onLedgerGroup,
        settings: options.settings(),
        progress,
        now,
        sleep,
        random,
        firstPollMs,
        outage: createOutageWatch(outagePolicy, now),
      };
      const untilMs = now() + providerWaitMs;
      do {
        if (stopOf(run)?.kind !== 'pause') {
          await sendAndPoll(task, {
            onStep: options.onStep,
            keepsLease: () => keepsLease(batchId, run),
            problemOf,
            onCancelled: () => {
              cancelWhileFollowing(batchId);
            },
          });
        }
      } while (await waitOutOutage(task, { policy: outagePolicy, logger, untilMs }));
      const stop = run.stop;
      if (
        !repository.whileHolding(batchId, ownerId, () => {
          finish(batchId, stop);
        })
      ) {
        run.stop = { kind: 'lease_lost' };
      }
      progress.touch();
      if (stopOf(run)?.kind === 'lease_lost') return err(leaseLost(batchId));
      const final = summary(batchId);
      return final === undefined ? notFound(batchId) : ok(final);
    } catch (error) {
      const message = describeFailure(error);
      logger.error('engine.failed', { batchId, error: message });
      // Left `sending`, the batch would look busy until the next start; paused, the user sees why.
      try {
        // Only while this process still holds the batch: if another took it over, it is theirs.
        repository.whileHolding(batchId, ownerId, () => {
          if (repository.status(batchId) === 'sending') {
            repository.setStatus(batchId, 'paused', stoppedOnError(message));
          }
        });
      } catch {
        // The ledger itself failed: the next start finds the batch `sending` and recovers it.
      }
      return err(
        appError(
          'internal',
          `Sending batch ${batchId} stopped: ${message} Rows caught mid-request are sent again under the same PO number; resume the batch once the cause is fixed.`,
        ),
      );
    } finally {
      clearInterval(renew);
      runs.delete(batchId);
      // A ledger that cannot be written (disk full) cannot take the lease back either: it runs out.
      try {
        repository.releaseLease(batchId, ownerId);
        progress.flush();
      } catch (error) {
        logger.warn('engine.release_failed', { batchId, error: describeFailure(error) });
      }
    }
  };

  const startRun = (batchId: string, providerWaitMs: number): Result<Run, AppError> => {
    const existing = runs.get(batchId);
    if (existing !== undefined) {
      // Waiting out an outage: Resume probes the provider now.
      existing.wake?.();
      return ok(existing);
    }
    const current = summary(batchId);
    if (current === undefined) return notFound(batchId);
    const follows = current.status === 'cancelled' && current.counts.pending > 0;
    if (current.status === 'completed' || (current.status === 'cancelled' && !follows)) {
      return err(
        appError('validation', `Batch ${batchId} is ${current.status}; there is nothing left to send.`),
      );
    }
    const elsewhere = otherDestination(batchId);
    if (elsewhere !== undefined) return err(elsewhere);
    const lease = takeLease(batchId);
    if (!lease.ok) return lease;
    const run: Run & { done: Promise<Result<BatchSummary, AppError>> } = {
      stop: null,
      done: Promise.resolve(notFound(batchId)),
      wake: null,
    };
    runs.set(batchId, run);
    run.done = execute(batchId, run, providerWaitMs);
    return ok(run);
  };

  const requestStop = (batchId: string, stop: Stop): Result<BatchSummary, AppError> => {
    const run = runs.get(batchId);
    const current = summary(batchId);
    if (current === undefined) return notFound(batchId);
    if (run !== undefined) {
      run.stop ??= stop;
      run.wake?.();
      // Only pending orders left to follow: nothing more can be sent, so the cancel holds at once.
      if (stop.kind === 'cancel' && current.counts.queued + current.counts.submitting === 0) {
        cancelWhileFollowing(batchId);
      }
      const after = summary(batchId);
      return after === undefined ? notFound(batchId) : ok(after);
    }
    if (current.sendingElsewhere) {
      return err(
        appError('validation', `Batch ${batchId} is being sent by another GiftBatch; stop it there.`),
      );
    }
    if (stop.kind === 'cancel' && (current.status === 'ready' || current.status === 'paused')) {
      repository.cancel(batchId);
      // Orders already made are still followed to the end, so the record shows what each one became.
      if (current.counts.pending > 0) startRun(batchId, 0);
    } else if (stop.kind === 'pause' && current.status === 'ready') {
      return ok(current);
    }
    const after = summary(batchId);
    return after === undefined ? notFound(batchId) : ok(after);
  };

  return {
    ownerId,

    /**
     * Sends (or resumes) a batch and resolves when it completes or pauses: the CLI waits on this. Paused
     * by an outage, it waits up to `providerWaitMs` for the provider to answer again, then carries on.
     */
    run: async (batchId: string, providerWaitMs = 0): Promise<Result<BatchSummary, AppError>> => {
      const run = startRun(batchId, providerWaitMs);
      return run.ok ? run.value.done : run;
    },

    /**
     * Starts sending in the background and answers at once: the app follows progress events. An outage
     * is waited out for as long as the app runs.
     */
    start: (batchId: string): Result<BatchSummary, AppError> => {
      const run = startRun(batchId, Number.POSITIVE_INFINITY);
      if (!run.ok) return run;
      const current = summary(batchId);
      return current === undefined ? notFound(batchId) : ok(current);
    },

    pause: (batchId: string) => requestStop(batchId, { kind: 'pause', reason: userPause }),
    cancel: (batchId: string) => requestStop(batchId, { kind: 'cancel' }),

    /** Failed rows safe to resend go back to the queue, then the batch sends again. */
    retryFailed: (
      batchId: string,
      providerWaitMs = Number.POSITIVE_INFINITY,
    ): Result<BatchSummary, AppError> => {
      if (runs.has(batchId))
        return err(appError('validation', 'Wait for the batch to finish sending first.'));
      const current = summary(batchId);
      if (current === undefined) return notFound(batchId);
      if (current.status === 'cancelled')
        return err(appError('validation', 'A cancelled batch cannot be sent again.'));
      const elsewhere = otherDestination(batchId);
      if (elsewhere !== undefined) return err(elsewhere);
      // The lease first: rows put back in the queue under another sender's feet would leave it unfinished.
      const lease = takeLease(batchId);
      if (!lease.ok) return lease;
      const requeued = repository.requeueRetryable(batchId);
      if (requeued === 0) {
        repository.releaseLease(batchId, ownerId);
        return err(
          appError(
            'validation',
            'No failed row can be retried as it is; rows the provider rejected need an edit first.',
          ),
        );
      }
      const run = startRun(batchId, providerWaitMs);
      if (!run.ok) {
        repository.releaseLease(batchId, ownerId);
        return run;
      }
      const after = summary(batchId);
      return after === undefined ? notFound(batchId) : ok(after);
    },

    /**
     * Batches left `sending` by a process that ended (crash, power cut, SIGKILL) become `paused` with
     * the reason, so the user is offered Resume. Batches another live process is sending are left alone.
     */
    recoverInterrupted: (): BatchSummary[] =>
      list()
        .filter((batch) => batch.status === 'sending' && !batch.sendingElsewhere && !runs.has(batch.id))
        .flatMap((batch) => {
          if (!takeLease(batch.id).ok) return [];
          try {
            repository.setStatus(batch.id, 'paused', interrupted);
          } finally {
            repository.releaseLease(batch.id, ownerId);
          }
          return [summary(batch.id) ?? batch];
        }),

    /** Cancelled batches whose orders were still pending when GiftBatch last quit: followed again. */
    followCancelled: (): void => {
      for (const batch of list()) {
        if (batch.status === 'cancelled' && batch.counts.pending > 0 && !batch.sendingElsewhere) {
          startRun(batch.id, Number.POSITIVE_INFINITY);
        }
      }
    },

    isSending: (batchId: string): boolean => runs.has(batchId),

    /** On quit: stop sending, let requests in flight end and record them, leave batches resumable. */
    shutdown: async (): Promise<void> => {
      const active = [...runs.values()];
      for (const run of active) {
        run.stop ??= { kind: 'shutdown' };
        run.wake?.();
      }
      await Promise.all(active.map((run) => run.done));
      await writer.close();
    },
  };
};

export type BatchEngine = ReturnType<typeof createBatchEngine>;
