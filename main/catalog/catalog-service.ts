import path from 'node:path';
import { z } from 'zod';
import { productSchema } from '../../common/catalog/product.ts';
import type { Environment } from '../../common/contract/app.ts';
import type { Catalog } from '../../common/contract/catalog.ts';
import { ok, type Result } from '../../common/result.ts';
import type { ApiError } from '../api/api-error.ts';
import type { ConnectionService } from '../connection/connection-service.ts';
import type { Logger } from '../logging/logger.ts';
import { readJsonFile, writeJsonFile } from '../storage/json-file.ts';

/** The provider asks clients to keep product data for at least a week (docs/provider-api.md §4). */
export const catalogMaxAgeMs = 7 * 24 * 60 * 60 * 1000;

const cachedCatalogSchema = z.object({
  fetchedAt: z.string(),
  /** The provider it came from: a cache of another staging or production URL is not this catalog. */
  source: z.string().default(''),
  products: z.array(productSchema),
});
type CachedCatalog = z.infer<typeof cachedCatalogSchema>;

/** The product catalog per environment, cached in the data folder so it survives restarts. */
export const createCatalogService = (options: {
  dataDir: string;
  connection: ConnectionService;
  logger: Logger;
  now?: () => number;
}) => {
  const now = options.now ?? Date.now;
  const fileFor = (environment: Environment) => path.join(options.dataDir, `catalog-${environment}.json`);
  const memory = new Map<Environment, CachedCatalog>();

  /** The sandbox's port changes with every start, so it is known by name; other providers by URL. */
  const currentSource = (): string => {
    const state = options.connection.state();
    return state.environment === 'sandbox' ? 'sandbox' : (state.baseUrl ?? '');
  };

  const cached = (environment: Environment): CachedCatalog | undefined => {
    const known =
      memory.get(environment) ??
      readJsonFile(fileFor(environment), cachedCatalogSchema.nullable(), null, options.logger);
    if (known !== null) memory.set(environment, known);
    return known !== null && known.source === currentSource() ? known : undefined;
  };

  const refresh = async (): Promise<Result<Catalog, ApiError>> => {
    const environment = options.connection.state().environment;
    const client = await options.connection.client();
    if (!client.ok) return client;
    const products = await client.value.listProducts();
    if (!products.ok) return products;
    const fresh: CachedCatalog = {
      fetchedAt: new Date(now()).toISOString(),
      source: currentSource(),
      products: products.value,
    };
    memory.set(environment, fresh);
    writeJsonFile(fileFor(environment), fresh);
    options.logger.info('catalog.refreshed', { environment, products: fresh.products.length });
    return ok({ fetchedAt: fresh.fetchedAt, products: fresh.products, source: 'provider' });
  };

  return {
    /** The cached catalog while it is under a week old, else a fresh one from the provider. */
    get: async (): Promise<Result<Catalog, ApiError>> => {
      const known = cached(options.connection.state().environment);
      if (known !== undefined && now() - Date.parse(known.fetchedAt) < catalogMaxAgeMs) {
        return ok({ fetchedAt: known.fetchedAt, products: known.products, source: 'cache' });
      }
      return refresh();
    },
    refresh,
  };
};

export type CatalogService = ReturnType<typeof createCatalogService>;
