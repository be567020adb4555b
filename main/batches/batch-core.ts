import type Database from 'better-sqlite3';
import type { Product } from '../../common/catalog/product.ts';
import type { BatchProgress } from '../../common/contract/batches.ts';
import type { SendingSettings } from '../../common/contract/sending-settings.ts';
import { ok, type Result } from '../../common/result.ts';
import type { ApiError } from '../api/api-error.ts';
import type { GcpClient } from '../api/gcp-client.ts';
import type { Destination } from '../connection/destination.ts';
import { createBatchEngine, type BatchEngineOptions, type OrderApi } from '../engine/batch-engine.ts';
import type { Logger } from '../logging/logger.ts';
import { createBatchQueries } from './batch-queries.ts';
import { createBatchRepository, type BatchRepository } from './batch-repository.ts';
import { createBatchService } from './batch-service.ts';
import { inlineLedgerWriter, threadLedgerWriter, writerThreadUrl } from './ledger-writer.ts';
import { newLeaseOwner } from './lease-owner.ts';
import { createRewardHistory } from './reward-history.ts';

/** The products of a catalog service's (cached) catalog: what rows are reviewed and sent against. */
export const productsOf =
  (catalog: { get(): Promise<Result<{ readonly products: readonly Product[] }, ApiError>> }) =>
  async (): Promise<Result<readonly Product[], ApiError>> => {
    const result = await catalog.get();
    return result.ok ? ok(result.value.products) : result;
  };

/** The engine's timing and test seams; production leaves them at their defaults. */
export type BatchEngineTuning = Partial<
  Pick<
    BatchEngineOptions,
    | 'firstPollMs'
    | 'leaseMs'
    | 'progressIntervalMs'
    | 'ownerId'
    | 'now'
    | 'onStep'
    | 'random'
    | 'sleep'
    | 'outage'
    | 'writer'
    | 'onLedgerGroup'
  >
>;

export interface BatchCoreOptions {
  readonly ledger: Database.Database;
  /** The provider client: orders for the engine, shipping methods for review. */
  readonly client: () => Promise<Result<OrderApi & Pick<GcpClient, 'listShippingMethods'>, ApiError>>;
  readonly catalog: () => Promise<Result<readonly Product[], ApiError>>;
  readonly sending: () => SendingSettings;
  /** Where orders go now: recorded with each batch, and checked before one is resumed. */
  readonly destination: () => Destination;
  readonly logger: Logger;
  readonly onProgress: (progress: BatchProgress) => void;
  readonly engine?: BatchEngineTuning;
  /** The repository to use instead of one on `ledger`: the send benchmark wraps it to time its writes. */
  readonly repository?: BatchRepository;
  /**
   * The ledger's writer thread's entry point: its `.ts` source by default, as Node runs it; the
   * desktop app passes the file its build made of it.
   */
  readonly writerThread?: URL;
}

/**
 * Batches, wired once for every front door (the app, the CLI, the tests, the benchmarks): the ledger's
 * repository, the queries screens read, the service that reviews and commits, and the engine that sends.
 */
export const createBatchCore = (options: BatchCoreOptions) => {
  const repository = options.repository ?? createBatchRepository(options.ledger);
  const ownerId = options.engine?.ownerId ?? newLeaseOwner();
  const engine = createBatchEngine({
    repository,
    api: options.client,
    settings: options.sending,
    onProgress: options.onProgress,
    logger: options.logger,
    destination: options.destination,
    catalog: options.catalog,
    // The sender commits its groups on a thread of its own: the disk's waits stay off the event loop
    // every request and answer shares (docs/architecture.md §5.9).
    writer: threadLedgerWriter({
      filePath: options.ledger.name,
      threadUrl: options.writerThread ?? writerThreadUrl(),
      meanwhile: inlineLedgerWriter(repository),
      onThreadError: (error) => {
        options.logger.warn('engine.writer_thread_failed', {
          error: error instanceof Error ? error.message : String(error),
        });
      },
    }),
    ...options.engine,
    ownerId,
  });
  const queries = createBatchQueries({
    repository,
    ownerId,
    ...(options.engine?.now === undefined ? {} : { now: options.engine.now }),
  });
  const service = createBatchService({
    repository,
    queries,
    engine,
    history: createRewardHistory(options.ledger),
    catalog: options.catalog,
    client: options.client,
    sending: options.sending,
    destination: options.destination,
  });
  return { repository, queries, service, engine };
};

export type BatchCore = ReturnType<typeof createBatchCore>;
