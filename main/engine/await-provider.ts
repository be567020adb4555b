import type { PauseReason } from '../../common/contract/batches.ts';
import type { Result } from '../../common/result.ts';
import { sleepUnlessAborted } from '../api/abortable-sleep.ts';
import type { ApiError } from '../api/api-error.ts';
import { pauseFor } from './order-outcome.ts';
import type { OutagePolicy } from './outage-watch.ts';
import { jittered } from './poll-schedule.ts';
import { stopOf, type Run } from './run-control.ts';

/** How a wait for the provider ended. */
export type ProviderWait =
  | { readonly kind: 'back' }
  /** The user paused or cancelled, or the app is quitting: `run.stop` says which. */
  | { readonly kind: 'stopped' }
  | { readonly kind: 'gave_up' }
  /** The provider answers again, but refuses the credentials: the batch waits for the user. */
  | { readonly kind: 'refused'; readonly reason: PauseReason };

/**
 * While a batch is paused by an outage: probes the provider with backoff until it answers, the user
 * acts (`run.wake`, set here, cuts a wait short: Resume probes at once, Pause and quit end the wait),
 * or `untilMs` passes.
 */
export const awaitProvider = async (options: {
  readonly run: Run;
  readonly probe: () => Promise<Result<void, ApiError>>;
  readonly policy: OutagePolicy;
  readonly now: () => number;
  readonly random: () => number;
  readonly untilMs: number;
}): Promise<ProviderWait> => {
  const { run, policy, now } = options;
  let delayMs = policy.probeFirstMs;
  try {
    for (;;) {
      const left = options.untilMs - now();
      if (left <= 0) return { kind: 'gave_up' };
      const woken = new AbortController();
      run.wake = () => {
        woken.abort();
      };
      await sleepUnlessAborted(Math.min(left, jittered(delayMs, options.random)), woken.signal);
      if (stopOf(run) !== null) return { kind: 'stopped' };
      const probed = await options.probe();
      if (stopOf(run) !== null) return { kind: 'stopped' };
      if (probed.ok) return { kind: 'back' };
      const refused = pauseFor(probed.error);
      if (refused !== undefined) return { kind: 'refused', reason: refused };
      delayMs = Math.min(policy.probeMaxMs, delayMs * 2);
    }
  } finally {
    run.wake = null;
  }
};
