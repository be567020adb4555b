import { createStore } from 'zustand/vanilla';
import type { GiftBatchApi } from '../../../common/contract/channels.ts';
import type { ConnectionState } from '../../../common/contract/connection.ts';
import type { Environment } from '../../../common/contract/app.ts';

export interface ConnectionStoreState {
  readonly connection: ConnectionState | null;
  /** The last refusal of a settings change (bad URL, missing field), shown next to the form. */
  readonly formError: string | null;
  readonly isSaving: boolean;
  readonly connectionChanged: (state: ConnectionState) => void;
  readonly connectionRequested: () => Promise<void>;
  readonly testRequested: () => Promise<void>;
  readonly balanceRefreshRequested: () => Promise<void>;
  readonly environmentSelected: (input: {
    environment: Environment;
    baseUrl?: string;
    balanceSupported?: boolean;
  }) => Promise<boolean>;
  readonly credentialsSaved: (credentials: { email: string; accessToken: string }) => Promise<boolean>;
  readonly credentialsCleared: () => Promise<void>;
}

/** A view of main's connection service; main pushes every change as `connection:changed`. */
export const createConnectionStore = (api: GiftBatchApi) =>
  createStore<ConnectionStoreState>()((set) => {
    const settle = async (call: () => ReturnType<GiftBatchApi['getConnectionState']>): Promise<boolean> => {
      set({ isSaving: true });
      const result = await call();
      set(
        result.ok
          ? { connection: result.value, formError: null, isSaving: false }
          : { formError: result.error.message, isSaving: false },
      );
      return result.ok;
    };
    return {
      connection: null,
      formError: null,
      isSaving: false,
      connectionChanged: (connection) => {
        set({ connection });
      },
      connectionRequested: async () => {
        await settle(api.getConnectionState);
      },
      testRequested: async () => {
        await settle(api.testConnection);
      },
      balanceRefreshRequested: async () => {
        await settle(api.refreshBalance);
      },
      environmentSelected: (input) => settle(() => api.selectEnvironment(input)),
      credentialsSaved: (credentials) => settle(() => api.setCredentials(credentials)),
      credentialsCleared: async () => {
        await settle(api.clearCredentials);
      },
    };
  });

export type ConnectionStore = ReturnType<typeof createConnectionStore>;
