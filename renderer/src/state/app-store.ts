import { createStore } from 'zustand/vanilla';
import type { AppInfo } from '../../../common/contract/app.ts';
import type { GiftBatchApi } from '../../../common/contract/channels.ts';

export type AppInfoState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly info: AppInfo }
  | { readonly status: 'failed'; readonly message: string };

export interface AppState {
  readonly appInfo: AppInfoState;
  readonly appInfoRequested: () => Promise<void>;
}

/** What main told us about itself; a view of main's truth, refreshed on request. */
export const createAppStore = (api: GiftBatchApi) =>
  createStore<AppState>()((set) => ({
    appInfo: { status: 'loading' },
    appInfoRequested: async () => {
      set({ appInfo: { status: 'loading' } });
      const result = await api.getAppInfo();
      set({
        appInfo: result.ok
          ? { status: 'ready', info: result.value }
          : { status: 'failed', message: result.error.message },
      });
    },
  }));

export type AppStore = ReturnType<typeof createAppStore>;
