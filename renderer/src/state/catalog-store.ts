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
  /**
   * Another environment or provider: the catalog shown so far, and any answer still on its way, belong
   * to the previous one; the new provider's catalog is loaded at once, so Compose checks rows against it.
   */
  readonly providerChanged: () => Promise<void>;
}

export const createCatalogStore = (api: GiftBatchApi) =>
  createStore<CatalogStoreState>()((set) => {
    /** Bumped by each load and provider change: only the latest load's answer is shown. */
    let ticket = 0;
    const load = async (call: GiftBatchApi['getCatalog']) => {
      const mine = ++ticket;
      set({ status: 'loading', error: null });
      const result = await call();
      if (mine !== ticket) return;
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
        set({ catalog: null });
        return load(api.getCatalog);
      },
    };
  });

export type CatalogStore = ReturnType<typeof createCatalogStore>;
