/** How one run of a batch is stopped, and the reasons a stop gives the user. */
import type { BatchSummary, PauseReason } from '../../common/contract/batches.ts';
import type { AppError } from '../../common/errors.ts';
import type { Result } from '../../common/result.ts';

export type Stop =
  | { readonly kind: 'pause'; readonly reason: PauseReason }
  | { readonly kind: 'cancel' }
  | { readonly kind: 'shutdown' }
  /** Another process holds the lease now: stop at once and leave the batch to it. */
  | { readonly kind: 'lease_lost' };

export interface Run {
  stop: Stop | null;
  readonly done: Promise<Result<BatchSummary, AppError>>;
  /** Set while the run waits out an outage: ends the current wait at once (a Resume, Pause or quit). */
  wake: (() => void) | null;
}

/** Read through a call: the stop is set by another task while this one awaits, which narrowing cannot see. */
export const stopOf = (run: Run): Stop | null => run.stop;
/** Pending orders are still followed while a batch is cancelled; a pause or shutdown stops everything. */
export const haltsPolling = (run: Run): boolean => {
  const stop = stopOf(run);
  return stop !== null && stop.kind !== 'cancel';
};

/**
 * A pause, shutdown or lost lease leaves a request whose outcome is open `submitting`, to be resumed.
 * A cancel is final, so a request already sent is followed to a known outcome instead.
 */
export const abandonsRequests = (run: Run): boolean => {
  const stop = stopOf(run);
  return stop !== null && stop.kind !== 'cancel';
};

export const userPause: PauseReason = {
  kind: 'user',
  message: 'You paused this batch.',
  advice: 'Resume it to send the remaining rows.',
  shortfallCents: null,
};
export const stoppedOnError = (message: string): PauseReason => ({
  kind: 'interrupted',
  message: `Sending stopped on an unexpected error: ${message}`,
  advice:
    'Resume it once the cause is fixed: rows caught mid-request are sent again under the same PO number.',
  shortfallCents: null,
});

/**
 * Runs a batch's tasks side by side. The first to throw stops the others, and every one has ended
 * before the error is passed on: no worker may send after its batch's lease is released.
 */
export const together = async (run: Run, tasks: readonly Promise<void>[]): Promise<void> => {
  const results = await Promise.allSettled(
    tasks.map((task) =>
      task.catch((error: unknown) => {
        run.stop ??= { kind: 'shutdown' };
        throw error;
      }),
    ),
  );
  for (const result of results) if (result.status === 'rejected') throw result.reason;
};

export const interrupted: PauseReason = {
  kind: 'interrupted',
  message: 'GiftBatch stopped while this batch was sending.',
  advice:
    'Resume it: rows caught mid-request are sent again under the same PO number, which cannot create a second order.',
  shortfallCents: null,
};
