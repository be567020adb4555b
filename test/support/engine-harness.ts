import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { BatchProgress } from '../../common/contract/batches.ts';
import { defaultSendingSettings, type SendingSettings } from '../../common/contract/sending-settings.ts';
import type { DraftSettings } from '../../common/contract/drafts.ts';
import type { RecipientRow } from '../../common/recipients/fields.ts';
import { ok } from '../../common/result.ts';
import type { GcpClientOptions } from '../../main/api/gcp-client.ts';
import { createBatchCore, type BatchCore } from '../../main/batches/batch-core.ts';
import type { BatchQueries } from '../../main/batches/batch-queries.ts';
import type { BatchRepository } from '../../main/batches/batch-repository.ts';
import type { BatchService } from '../../main/batches/batch-service.ts';
import type { BatchSource } from '../../main/batches/prepare-batch.ts';
import type { BatchEngine, BatchEngineOptions, OrderApi } from '../../main/engine/batch-engine.ts';
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

/**
 * Two staff from an HR file, with their references and the columns kept aside at import: a batch whose
 * record must carry everything an auditor asks for.
 */
export const staffBatchSource: BatchSource = {
  draftId: null,
  name: 'Holiday bonus',
  settings: digitalSettings,
  origin: { fileName: 'staff.csv', sha256: 'a'.repeat(64) },
  rows: [
    {
      id: null,
      values: { first_name: 'Deborah', last_name: 'Ng', email: 'deb@example.org', reference: 'E-1001' },
      extras: { Department: 'Finance', 'Hire date': '2019-04-01' },
    },
    {
      id: null,
      values: { first_name: 'Sam', last_name: 'Ode', email: 'sam@example.org', sms: '+12125550123' },
      extras: { Department: 'Ops', Site: 'Leeds' },
    },
  ],
};

/** The engine options a test may set; the rest are the harness's. */
export type HarnessEngineOptions = Partial<
  Pick<
    BatchEngineOptions,
    | 'firstPollMs'
    | 'leaseMs'
    | 'ownerId'
    | 'now'
    | 'onStep'
    | 'progressIntervalMs'
    | 'random'
    | 'destination'
    | 'catalog'
    | 'outage'
  >
>;

/** Reviews `batchSource` through `service` and commits it as reviewed; throws when it cannot be sent. */
export const reviewAndCommit = async (service: BatchService, batchSource: BatchSource): Promise<string> => {
  const review = await service.review(batchSource, new Set());
  if (!review.ok) throw new Error(review.error.message);
  const committed = await service.commit(batchSource, {
    batchId: review.value.batchId,
    excludeRowIds: new Set(),
    expectedCostCents: review.value.cost.costCents,
    typedAmount: (review.value.cost.costCents / 100).toFixed(2),
  });
  if (!committed.ok) throw new Error(committed.error.message);
  return committed.value.id;
};

export interface EngineHarness {
  readonly dataDir: string;
  readonly sandbox: SandboxUnderTest;
  readonly db: Database.Database;
  readonly repository: BatchRepository;
  readonly queries: BatchQueries;
  readonly service: BatchService;
  readonly engine: BatchEngine;
  readonly progress: BatchProgress[];
  readonly settings: SendingSettings;
  /** A file-like source of these rows, as the CLI gives the service. */
  source(rows: readonly RecipientRow[], name?: string, draft?: DraftSettings): BatchSource;
  /** Reviews and commits `batchSource` as reviewed; throws when it cannot be sent. Returns its id. */
  commitSource(batchSource: BatchSource): Promise<string>;
  /** `commitSource` of a source of these rows. */
  commitBatch(rows: readonly RecipientRow[], name?: string, draft?: DraftSettings): Promise<string>;
  /**
   * Another engine on the same ledger, as a second process (the CLI next to the app) would be: by
   * default a process on another machine, so only the lease's expiry frees what it holds.
   */
  secondEngine(options?: HarnessEngineOptions): BatchEngine;
  /** Another engine of this same process on the ledger, with other options (an app restarted, say). */
  engineWith(options: HarnessEngineOptions): BatchEngine;
  /** Funds the sandbox account as the provider's portal would: a deposit, then made Available. */
  fund(amountCents: number): Promise<void>;
  /** The sandbox's request counts by route, e.g. `POST /v1/Tokens`. */
  requestsByRoute(): Promise<Record<string, number>>;
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
  readonly engine?: HarnessEngineOptions;
  /** Stands between the engine and the client, to look at the world just before a request goes out. */
  readonly wrapApi?: (api: OrderApi) => OrderApi;
}): Promise<EngineHarness> => {
  const sandbox = await startSandboxWithClient(options.sandbox, options.client);
  const db = openLedger(options.dataDir);
  const settings: SendingSettings = { ...defaultSendingSettings, requestsPerSecond: 500, ...options.sending };
  const progress: BatchProgress[] = [];
  const logger = createLogger(() => undefined);
  // Read once and kept, as the app's catalog service caches it: a fault set later for orders does not
  // reach the catalog.
  let products: ReturnType<typeof sandbox.client.listProducts> | undefined;
  const cachedCatalog = () => (products ??= sandbox.client.listProducts());
  const cores: BatchCore[] = [];
  const makeCore = (engineOptions: HarnessEngineOptions = {}): BatchCore => {
    const { destination, catalog, ...tuning } = { ...options.engine, ...engineOptions };
    const made = createBatchCore({
      ledger: db,
      client: () =>
        Promise.resolve(ok({ ...sandbox.client, ...(options.wrapApi?.(sandbox.client) ?? sandbox.client) })),
      catalog: catalog ?? cachedCatalog,
      sending: () => settings,
      destination: destination ?? (() => ({ environment: 'sandbox', provider: sandbox.sandbox.url })),
      logger,
      onProgress: (event) => progress.push(event),
      engine: { firstPollMs: 50, ...tuning },
    });
    cores.push(made);
    return made;
  };
  const { repository, queries, service, engine } = makeCore();
  const source = (
    rows: readonly RecipientRow[],
    name = 'Test batch',
    draft: DraftSettings = digitalSettings,
  ): BatchSource => ({
    draftId: null,
    name,
    settings: draft,
    rows: rows.map((values) => ({ id: null, values })),
  });
  const post = async (path: string, body?: unknown) => {
    const response = await fetch(`${sandbox.sandbox.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${path} answered ${String(response.status)}`);
  };
  const simStatsSchema = z.object({ requestsByRoute: z.record(z.string(), z.number()) });
  return {
    dataDir: options.dataDir,
    sandbox,
    db,
    repository,
    queries,
    service,
    engine,
    progress,
    settings,
    source,
    commitSource: (batchSource) => reviewAndCommit(service, batchSource),
    commitBatch: (rows, name, draft) => reviewAndCommit(service, source(rows, name, draft)),
    engineWith: (engineOptions) => makeCore(engineOptions).engine,
    secondEngine: (engineOptions) =>
      makeCore({ ownerId: `other-host#1#${String(Math.random())}`, ...engineOptions }).engine,
    fund: async (amountCents) => {
      await post('/_sim/funding', { amount: amountCents / 100 });
      await post('/_sim/funding/apply');
    },
    requestsByRoute: async () => {
      const response = await fetch(`${sandbox.sandbox.url}/_sim/stats`);
      return simStatsSchema.parse(await response.json()).requestsByRoute;
    },
    close: async () => {
      await Promise.all(cores.map((each) => each.engine.shutdown()));
      db.close();
      await sandbox.close();
    },
  };
};
