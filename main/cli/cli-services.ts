import type Database from 'better-sqlite3';
import type { Environment } from '../../common/contract/app.ts';
import type { BatchProgress } from '../../common/contract/batches.ts';
import { ok, type Result } from '../../common/result.ts';
import type { Credentials } from '../api/gcp-client.ts';
import { createConnectedBatchCore } from '../batches/connected-batch-core.ts';
import type { BatchQueries } from '../batches/batch-queries.ts';
import type { BatchRepository } from '../batches/batch-repository.ts';
import type { BatchService } from '../batches/batch-service.ts';
import { createCatalogService, type CatalogService } from '../catalog/catalog-service.ts';
import { createConnectionService, type ConnectionService } from '../connection/connection-service.ts';
import type { Destination } from '../connection/destination.ts';
import { createEmbeddedSandbox } from '../connection/embedded-sandbox.ts';
import { connectToRunningSandbox } from '../connection/running-sandbox.ts';
import type { CredentialsVault } from '../credentials/credentials-vault.ts';
import type { BatchEngine } from '../engine/batch-engine.ts';
import { createEventHub } from '../events/event-hub.ts';
import { openLedger } from '../ledger/open-ledger.ts';
import { createLogger, type Logger } from '../logging/logger.ts';
import { createSettingsStore, type Settings, type SettingsStore } from '../settings/settings-store.ts';
import { describeFailure } from '../engine/run-failures.ts';
import { exitCodes } from './cli-command.ts';
import { ledgerWriteProblem } from './ledger-writable.ts';

export interface CliServicesOptions {
  readonly dataDir: string;
  /** --env; the settings file's environment when absent. */
  readonly environment: Environment | undefined;
  /** --api-url, already checked: a running `giftbatch sandbox`, or the staging/production base URL. */
  readonly apiUrl: string | undefined;
  readonly concurrency: number | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export interface CliServices {
  readonly environment: Environment;
  readonly connection: ConnectionService;
  readonly catalog: CatalogService;
  readonly ledger: Database.Database;
  readonly repository: BatchRepository;
  readonly queries: BatchQueries;
  /** Where orders go in this run: the environment and provider a batch must have been sent to. */
  readonly destination: () => Destination;
  readonly batchService: BatchService;
  readonly engine: BatchEngine;
  readonly settings: () => Settings;
  /** Where the engine's coalesced progress goes; one listener at a time. */
  onProgress(listener: (progress: BatchProgress) => void): void;
  /** Stops sending, saves the embedded sandbox's state and closes the ledger. */
  close(): Promise<void>;
}

export interface CliFailure {
  readonly exitCode: number;
  readonly message: string;
}

/** Warnings and errors only, one JSON line each on stderr (redacted like every log); requests are not news. */
const cliLogger = (): Logger =>
  createLogger((record) => {
    if (record.level !== 'info') process.stderr.write(`${JSON.stringify(record)}\n`);
  });

/** The settings file as it is, with this run's choices on top; never written back. */
const overlaySettings = (file: Settings, options: CliServicesOptions, environment: Environment): Settings => {
  const sending =
    options.concurrency === undefined ? file.sending : { ...file.sending, concurrency: options.concurrency };
  if (environment === 'sandbox' || options.apiUrl === undefined) return { ...file, environment, sending };
  return { ...file, environment, sending, [environment]: { ...file[environment], baseUrl: options.apiUrl } };
};

const inMemoryStore = (initial: Settings): SettingsStore => {
  let settings = initial;
  return {
    get: () => settings,
    update: (change) => (settings = change(settings)),
  };
};

/** Credentials from the environment only: a flag would leave them in shell history and `ps` output. */
const vaultFor = (environment: Environment, credentials: Credentials | undefined): CredentialsVault => ({
  isPersistent: false,
  get: (asked) => (asked === environment ? credentials : undefined),
  set: () => Promise.resolve(),
  clear: () => undefined,
});

const remoteCredentials = (
  environment: Exclude<Environment, 'sandbox'>,
  env: CliServicesOptions['env'],
): Result<Credentials, CliFailure> => {
  const email = env.GIFTBATCH_EMAIL?.trim() ?? '';
  const accessToken = env.GIFTBATCH_ACCESS_TOKEN?.trim() ?? '';
  if (email !== '' && accessToken !== '') return ok({ email, accessToken });
  return {
    ok: false,
    error: {
      exitCode: exitCodes.connection,
      message: `To use ${environment}, set GIFTBATCH_EMAIL and GIFTBATCH_ACCESS_TOKEN in the environment to the email and access token from the provider portal.`,
    },
  };
};

/** The ledger cannot be opened or written: nothing can be committed, so nothing is tried. */
const ledgerFailure = (dataDir: string, problem: string): Result<never, CliFailure> => ({
  ok: false,
  error: {
    exitCode: exitCodes.usage,
    message: `The ledger in ${dataDir} cannot be used: ${problem} Nothing was sent this time.`,
  },
});

/**
 * The app's services (services.ts) for one CLI run: the same settings file, catalog cache, ledger,
 * batch service and engine, with the environment, base URL and credentials this run was given.
 */
export const openCliServices = (options: CliServicesOptions): Result<CliServices, CliFailure> => {
  const { dataDir } = options;
  const logger = cliLogger();
  const file = createSettingsStore(dataDir, logger).get();
  const environment = options.environment ?? file.environment;
  let credentials: Credentials | undefined;
  if (environment !== 'sandbox') {
    const fromEnv = remoteCredentials(environment, options.env);
    if (!fromEnv.ok) return fromEnv;
    credentials = fromEnv.value;
  }
  const settings = inMemoryStore(overlaySettings(file, options, environment));
  const sandbox =
    environment === 'sandbox' && options.apiUrl !== undefined
      ? connectToRunningSandbox(options.apiUrl)
      : createEmbeddedSandbox(dataDir);
  const connection = createConnectionService({
    settings,
    vault: vaultFor(environment, credentials),
    sandbox,
    events: createEventHub(),
    logger,
  });
  const catalog = createCatalogService({ dataDir, connection, logger });
  let ledger: Database.Database;
  try {
    ledger = openLedger(dataDir);
  } catch (error) {
    return ledgerFailure(dataDir, describeFailure(error));
  }
  const unwritable = ledgerWriteProblem(ledger);
  if (unwritable !== undefined) {
    ledger.close();
    return ledgerFailure(dataDir, unwritable);
  }
  let progressListener: (progress: BatchProgress) => void = () => undefined;
  const { destination, repository, queries, service, engine } = createConnectedBatchCore({
    ledger,
    connection,
    catalog,
    settings,
    sandbox,
    logger,
    onProgress: (progress) => {
      progressListener(progress);
    },
  });
  return ok({
    environment,
    connection,
    catalog,
    ledger,
    repository,
    queries,
    destination,
    batchService: service,
    engine,
    settings: settings.get,
    onProgress: (listener) => {
      progressListener = listener;
    },
    close: async () => {
      await engine.shutdown();
      await sandbox.stop();
      ledger.close();
    },
  });
};
