import type Database from 'better-sqlite3';
import type { BatchProgress } from '../../common/contract/batches.ts';
import { defaultSendingSettings, type SendingSettings } from '../../common/contract/sending-settings.ts';
import type { DraftSettings } from '../../common/contract/drafts.ts';
import type { RecipientRow } from '../../common/recipients/fields.ts';
import { ok } from '../../common/result.ts';
import type { GcpClientOptions } from '../../main/api/gcp-client.ts';
import { createBatchRepository, type BatchRepository } from '../../main/batches/batch-repository.ts';
import { createBatchService, type BatchService } from '../../main/batches/batch-service.ts';
import { createRewardHistory } from '../../main/batches/reward-history.ts';
import {
  createBatchEngine,
  type BatchEngine,
  type BatchEngineOptions,
} from '../../main/engine/batch-engine.ts';
import { openLedger } from '../../main/ledger/open-ledger.ts';
import { createLogger } from '../../main/logging/logger.ts';
import type { SandboxOptions } from '../../main/sandbox/sandbox-options.ts';
import { startSandboxWithClient, type SandboxUnderTest } from './start-sandbox.ts';

export const digitalSettings: DraftSettings = {
  deliveryType: 'DigitalDelivery',
  defaults: { product_id: 'NORTHWIND-COFFEE', amount: '25' },
  defaultCountry: 'US',
};

/** `count` distinct DigitalDelivery recipients of $25 Northwind Coffee cards (cost $24.38 each). */
export const recipientRows = (count: number, prefix = 'person'): RecipientRow[] =>
  Array.from({ length: count }, (_, index) => ({
    first_name: `First${String(index + 1)}`,
    last_name: 'Tester',
    email: `${prefix}${String(index + 1)}@example.org`,
  }));

export interface EngineHarness {
  readonly sandbox: SandboxUnderTest;
  readonly db: Database.Database;
  readonly repository: BatchRepository;
  readonly service: BatchService;
  readonly engine: BatchEngine;
  readonly progress: BatchProgress[];
  readonly settings: SendingSettings;
  /** Reviews and commits a batch of these rows; throws when it cannot be sent. */
  commitBatch(rows: readonly RecipientRow[], name?: string, draft?: DraftSettings): Promise<string>;
  /** Another engine on the same ledger, as a second process (the CLI next to the app) would be. */
  secondEngine(): BatchEngine;
  close(): Promise<void>;
}

/**
 * The real engine on a real SQLite ledger in `dataDir`, sending to the real sandbox over HTTP. Timing
 * is shortened (first poll, client backoff) so tests run in seconds, never the logic.
 */
export const startEngineHarness = async (options: {
  readonly dataDir: string;
  readonly sandbox?: SandboxOptions;
  readonly client?: Partial<GcpClientOptions>;
  readonly sending?: Partial<SendingSettings>;
  readonly engine?: Partial<Pick<BatchEngineOptions, 'firstPollMs' | 'leaseMs' | 'ownerId'>>;
}): Promise<EngineHarness> => {
  const sandbox = await startSandboxWithClient(options.sandbox, options.client);
  const db = openLedger(options.dataDir);
  const repository = createBatchRepository(db);
  const settings: SendingSettings = { ...defaultSendingSettings, requestsPerSecond: 500, ...options.sending };
  const progress: BatchProgress[] = [];
  const logger = createLogger(() => undefined);
  const makeEngine = (ownerId?: string) =>
    createBatchEngine({
      repository,
      api: () => Promise.resolve(ok(sandbox.client)),
      settings: () => settings,
      onProgress: (event) => progress.push(event),
      logger,
      firstPollMs: 50,
      ...options.engine,
      ...(ownerId === undefined ? {} : { ownerId }),
    });
  const engine = makeEngine();
  const service = createBatchService({
    repository,
    history: createRewardHistory(db),
    catalog: () => sandbox.client.listProducts(),
    client: () => Promise.resolve(ok(sandbox.client)),
    sending: () => settings,
    destination: () => ({ environment: 'sandbox', provider: sandbox.sandbox.url }),
  });
  return {
    sandbox,
    db,
    repository,
    service,
    engine,
    progress,
    settings,
    commitBatch: async (rows, name = 'Test batch', draft = digitalSettings) => {
      const source = {
        draftId: null,
        name,
        settings: draft,
        rows: rows.map((values) => ({ id: null, values })),
      };
      const review = await service.review(source, new Set());
      if (!review.ok) throw new Error(review.error.message);
      const committed = await service.commit(source, {
        batchId: review.value.batchId,
        excludeRowIds: new Set(),
        expectedCostCents: review.value.cost.costCents,
        typedAmount: (review.value.cost.costCents / 100).toFixed(2),
      });
      if (!committed.ok) throw new Error(committed.error.message);
      return committed.value.id;
    },
    secondEngine: () => makeEngine(`other-host#1#${String(Math.random())}`),
    close: async () => {
      await engine.shutdown();
      db.close();
      await sandbox.close();
    },
  };
};
