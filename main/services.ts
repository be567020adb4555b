import { scheduledRoundNotices } from './engine/scheduled-notices.ts';
import { watchScheduledBatches } from './engine/scheduled-starts.ts';
import type { BatchEngineTuning } from './batches/batch-core.ts';
import { createConnectedBatchCore } from './batches/connected-batch-core.ts';
import { createCatalogService } from './catalog/catalog-service.ts';
import { createConnectionService, type ConnectionServiceOptions } from './connection/connection-service.ts';
import { createEmbeddedSandbox } from './connection/embedded-sandbox.ts';
import { openCredentialsVault, type Cipher } from './credentials/credentials-vault.ts';
import { createEventHub, type EventHub } from './events/event-hub.ts';
import type { CallHandlers } from './ipc/call-handlers.ts';
import { createAppHandlers } from './ipc/handlers/app.handlers.ts';
import { createCatalogHandlers } from './ipc/handlers/catalog.handlers.ts';
import { createDraftsHandlers } from './ipc/handlers/drafts.handlers.ts';
import { createBatchesHandlers } from './ipc/handlers/batches.handlers.ts';
import { createSettingsHandlers } from './ipc/handlers/settings.handlers.ts';
import { createHistoryHandlers } from './ipc/handlers/history.handlers.ts';
import { createHistory } from './batches/history.ts';
import type { BatchEngine } from './engine/batch-engine.ts';
import { createAuditActions } from './export/audit-actions.ts';
import { createAuditHandlers } from './ipc/handlers/audit.handlers.ts';
import { createImportHandlers } from './ipc/handlers/import.handlers.ts';
import { createMappingMemory } from './import/mapping-memory.ts';
import { createDraftsRepository } from './drafts/drafts-repository.ts';
import { openLedger } from './ledger/open-ledger.ts';
import { createConnectionHandlers } from './ipc/handlers/connection.handlers.ts';
import { createLedgerHandlers } from './ipc/handlers/ledger.handlers.ts';
import { createLedgerService } from './audit/ledger-service.ts';
import type { Logger } from './logging/logger.ts';
import { createSettingsStore, type SettingsStore } from './settings/settings-store.ts';
import type { OpenSettingsFile } from './settings/settings-file.ts';
import type { Preferences } from '../common/contract/preferences.ts';
import { createPreferencesHandlers } from './ipc/handlers/preferences.handlers.ts';
import { createDataFolderHandlers, type RevealFolder } from './ipc/handlers/data-folder.handlers.ts';

export interface MainServicesOptions {
  readonly productName: string;
  readonly version: string;
  readonly dataDir: string;
  readonly logger: Logger;
  /** The OS keychain in the desktop app; `noCipher` keeps credentials for the session only. */
  readonly cipher: Cipher;
  readonly clientTuning?: ConnectionServiceOptions['clientTuning'];
  /** Test seams for the engine's timing (first poll, lease); production uses its defaults. */
  readonly engineTuning?: BatchEngineTuning;
  /** How often scheduled batches are looked at (docs/architecture.md §5.14); tests look more often. */
  readonly scheduleCheckMs?: number;
  /** The built ledger writer thread, in the desktop app (see BatchCoreOptions.writerThread). */
  readonly writerThread?: URL;
  /** electron-store in the app; conf (the default) under plain Node. */
  readonly openSettingsFile?: OpenSettingsFile;
  /** The system file manager, in the app only. */
  readonly revealFolder?: RevealFolder;
  /** The shell applies what it can (the theme) when the user changes a preference. */
  readonly onPreferencesChanged?: (preferences: Preferences) => void;
}

export interface MainServices {
  readonly handlers: CallHandlers;
  readonly events: EventHub;
  readonly logger: Logger;
  readonly engine: BatchEngine;
  /** The settings file, for the shell's own state (the window's place) and preferences. */
  readonly settings: SettingsStore;
  /** Stops what the services started (the embedded sandbox, saving its state) and closes the ledger. */
  close(): Promise<void>;
}

/**
 * Every main-process service, built from plain Node modules. The Electron shell and the test
 * bridge both start from here, so what the tests exercise is what the app runs.
 */
export const createMainServices = async (options: MainServicesOptions): Promise<MainServices> => {
  const { dataDir, logger } = options;
  const events = createEventHub();
  const settings = createSettingsStore(dataDir, logger, options.openSettingsFile);
  const sandbox = createEmbeddedSandbox(dataDir);
  const connection = createConnectionService({
    settings,
    vault: await openCredentialsVault(dataDir, options.cipher, logger),
    sandbox,
    events,
    logger,
    ...(options.clientTuning === undefined ? {} : { clientTuning: options.clientTuning }),
  });
  const catalog = createCatalogService({ dataDir, connection, logger });
  const ledger = openLedger(dataDir);
  const drafts = createDraftsRepository(ledger);
  const { destination, queries, service, engine } = createConnectedBatchCore({
    ledger,
    connection,
    catalog,
    settings,
    sandbox,
    logger,
    onProgress: (progress) => {
      events.emit('batches:progressed', progress);
    },
    ...(options.engineTuning === undefined ? {} : { engine: options.engineTuning }),
    ...(options.writerThread === undefined ? {} : { writerThread: options.writerThread }),
  });
  engine.recoverInterrupted();
  engine.followCancelled();
  const schedule = watchScheduledBatches({
    scheduled: () => queries.scheduled(),
    start: (batchId) => engine.start(batchId),
    now: Date.now,
    onRound: (round) => {
      for (const notice of scheduledRoundNotices(round)) events.emit('app:notice-posted', notice);
    },
    ...(options.scheduleCheckMs === undefined ? {} : { everyMs: options.scheduleCheckMs }),
  });

  const handlers: CallHandlers = {
    ...createAppHandlers(() => ({
      productName: options.productName,
      version: options.version,
      environment: connection.state().environment,
      dataDir,
    })),
    ...createConnectionHandlers(connection),
    ...createCatalogHandlers(catalog, async () => {
      const client = await connection.client();
      return client.ok ? client.value.listShippingMethods() : client;
    }),
    ...createDraftsHandlers(drafts),
    ...createSettingsHandlers(settings),
    ...createPreferencesHandlers(settings, options.onPreferencesChanged ?? (() => undefined)),
    ...createDataFolderHandlers(dataDir, options.revealFolder),
    ...createBatchesHandlers({ drafts, queries, service, engine }),
    ...createImportHandlers(createMappingMemory(ledger), events),
    ...createAuditHandlers(
      createAuditActions({
        dataDir,
        ledger,
        client: () => connection.client(),
        destination,
        requestsPerSecond: () => settings.get().sending.requestsPerSecond,
        appVersion: options.version,
        onReconcileProgress: (progress) => events.emit('reconcile:progressed', progress),
      }),
    ),
    ...createLedgerHandlers(createLedgerService(ledger)),
    ...createHistoryHandlers(createHistory({ ledger, queries, drafts })),
  };
  return {
    handlers,
    events,
    logger,
    engine,
    settings,
    close: async () => {
      schedule.stop();
      await engine.shutdown();
      await sandbox.stop();
      ledger.close();
    },
  };
};
