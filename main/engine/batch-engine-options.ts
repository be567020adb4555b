import type { Product } from '../../common/catalog/product.ts';
import type { BatchProgress } from '../../common/contract/batches.ts';
import type { SendingSettings } from '../../common/contract/sending-settings.ts';
import type { Result } from '../../common/result.ts';
import type { ApiError } from '../api/api-error.ts';
import type { BatchRepository } from '../batches/batch-repository.ts';
import type { LedgerWriter } from '../batches/ledger-writer.ts';
import type { GroupOutcome } from '../batches/send-writes.ts';
import type { Logger } from '../logging/logger.ts';
import type { OrderApi } from './batch-task.ts';
import type { OutagePolicy } from './outage-watch.ts';

/**
 * The moments a crash matters most (docs/architecture.md §5.3, §5.9): `committed`, a row's `submitting`
 * state is durable and its request about to leave; `answered`, the provider has answered and the answer
 * is not yet recorded; `window-committed`, a window of rows was made `submitting` in one transaction and
 * none of their requests has left; `answers-committing`, a group of answers is about to be committed.
 */
export type SendStep = 'committed' | 'answered' | 'window-committed' | 'answers-committing';

/** What the batch engine works with; everything after `logger` has a default, shortened by tests. */
export interface BatchEngineOptions {
  readonly repository: BatchRepository;
  readonly api: () => Promise<Result<OrderApi, ApiError>>;
  readonly settings: () => SendingSettings;
  readonly onProgress: (progress: BatchProgress) => void;
  readonly logger: Logger;
  readonly ownerId?: string;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  /** How long a lease lasts without renewal; renewed every third of it. */
  readonly leaseMs?: number;
  /** The first poll of a pending order comes after this (plus a second per 50 cards); tests shorten it. */
  readonly firstPollMs?: number;
  readonly progressIntervalMs?: number;
  /** When failures add up to an outage, and how often the provider is probed while paused for one. */
  readonly outage?: Partial<OutagePolicy>;
  /**
   * Called at each `SendStep`, with the row (the first of a group) and, for a group, all its rows. The
   * crash tests kill the process here; nothing else uses it.
   */
  readonly onStep?: (step: SendStep, batchId: string, rowNo: number, rowNos?: readonly number[]) => void;
  /** Where the sender commits its groups; by default on this thread, on the repository's connection. */
  readonly writer?: LedgerWriter;
  /** Told each group the sender committed: the send benchmark measures the ledger with it. */
  readonly onLedgerGroup?: (outcome: GroupOutcome) => void;
  /**
   * Where orders would go now. A batch is only sent where it was committed: resuming it after the user
   * switched environment or provider would place the remaining orders with someone else.
   */
  readonly destination?: () => { readonly environment: string; readonly provider: string };
  /**
   * The catalog each row is checked against again before it is sent (docs/architecture.md §5.7): a batch resumed
   * days later may name a product the provider no longer offers. Without it, only the provider checks.
   */
  readonly catalog?: () => Promise<Result<readonly Product[], ApiError>>;
}
