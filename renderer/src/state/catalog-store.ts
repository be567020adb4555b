import { createStore } from 'zustand/vanilla';
import type { Catalog } from '../../../common/contract/catalog.ts';
import type { GiftBatchApi } from '../../../common/contract/channels.ts';

export interface CatalogStoreState {
  readonly status: 'idle' | 'loading' | 'ready' | 'failed';
  readonly catalog: Catalog | null;
  /**
   * The provider's shipping method ids, in its order, once loaded (with the catalog): what a physical
   * card's Shipping method cell is checked against. Empty until then, or when they could not be read.
   */
  readonly shippingMethodIds: readonly string[];
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
      if (!result.ok) return;
      const methods = await api.getShippingMethods();
      if (mine === ticket && methods.ok) set({ shippingMethodIds: methods.value.map((method) => method.id) });
    };
    return {
      status: 'idle',
      catalog: null,
      shippingMethodIds: [],
      error: null,
      query: '',
      catalogRequested: () => load(api.getCatalog),
      refreshRequested: () => load(api.refreshCatalog),
      queryChanged: (query) => {
        set({ query });
      },
      providerChanged: () => {
        set({ catalog: null, shippingMethodIds: [] });
        return load(api.getCatalog);
      },
    };
  });

export type CatalogStore = ReturnType<typeof createCatalogStore>;
