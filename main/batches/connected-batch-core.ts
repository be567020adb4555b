import type { CatalogService } from '../catalog/catalog-service.ts';
import type { ConnectionService } from '../connection/connection-service.ts';
import { destinationOf } from '../connection/destination.ts';
import type { EmbeddedSandbox } from '../connection/embedded-sandbox.ts';
import type { SettingsStore } from '../settings/settings-store.ts';
import { createBatchCore, productsOf, type BatchCoreOptions } from './batch-core.ts';

/**
 * The batch core as the app and the CLI run it: sending through the connection's client, against its
 * catalog, with the sending settings, to where the connection (and its sandbox) points now.
 */
export const createConnectedBatchCore = (
  options: Omit<BatchCoreOptions, 'client' | 'catalog' | 'sending' | 'destination'> & {
    readonly connection: ConnectionService;
    readonly catalog: CatalogService;
    readonly settings: Pick<SettingsStore, 'get'>;
    readonly sandbox: Pick<EmbeddedSandbox, 'identity' | 'isBuiltIn'>;
  },
) => {
  const { connection, catalog, settings, sandbox, ...core } = options;
  const destination = () => destinationOf(connection, sandbox);
  return {
    destination,
    ...createBatchCore({
      ...core,
      client: () => connection.client(),
      catalog: productsOf(catalog),
      sending: () => settings.get().sending,
      destination,
    }),
  };
};
