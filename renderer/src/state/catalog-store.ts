import { createStore } from 'zustand/vanilla';
import type { Catalog } from '../../../common/contract/catalog.ts';
import type { GiftBatchApi } from '../../../common/contract/channels.ts';

export interface CatalogStoreState {
  readonly status: 'idle' | 'loading' | 'ready' | 'failed';
  readonly catalog: Catalog | null;
  readonly error: string | null;
  readonly query: string;
  readonly catalogRequested: () => Promise<void>;
  readonly refreshRequested: () => Promise<void>;
  readonly queryChanged: (query: string) => void;
  /** Another environment or provider: the catalog shown so far belongs to the previous one. */
  readonly providerChanged: () => void;
}

export const createCatalogStore = (api: GiftBatchApi) =>
  createStore<CatalogStoreState>()((set) => {
    const load = async (call: GiftBatchApi['getCatalog']) => {
      set({ status: 'loading', error: null });
      const result = await call();
      set(
        result.ok
          ? { status: 'ready', catalog: result.value, error: null }
          : { status: 'failed', error: result.error.message },
      );
    };
    return {
      status: 'idle',
      catalog: null,
      error: null,
      query: '',
      catalogRequested: () => load(api.getCatalog),
      refreshRequested: () => load(api.refreshCatalog),
      queryChanged: (query) => {
        set({ query });
      },
      providerChanged: () => {
        set({ status: 'idle', catalog: null, error: null });
      },
    };
  });

export type CatalogStore = ReturnType<typeof createCatalogStore>;
