import { createStore } from 'zustand/vanilla';
import type { GiftBatchApi } from '../../../common/contract/channels.ts';
import type { ConnectionState } from '../../../common/contract/connection.ts';
import type { Environment } from '../../../common/contract/app.ts';

type SelectEnvironmentInput = Parameters<GiftBatchApi['selectEnvironment']>[0];

export interface ConnectionStoreState {
  readonly connection: ConnectionState | null;
  /** The last refusal of a settings change (bad URL, missing field), shown next to the form. */
  readonly formError: string | null;
  readonly isSaving: boolean;
  /** Adding sandbox test funds: under way, or why it failed. */
  readonly isFunding: boolean;
  readonly fundingError: string | null;
  readonly connectionChanged: (state: ConnectionState) => void;
  readonly connectionRequested: () => Promise<void>;
  readonly testRequested: () => Promise<void>;
  readonly balanceRefreshRequested: () => Promise<void>;
  /**
   * Saves what the Settings form holds (credentials for its environment, then the environment and its
   * base URL), then tests the connection that results, so what is tested is what the form shows.
   */
  readonly settingsApplied: (changes: {
    readonly environment: Environment;
    readonly select: SelectEnvironmentInput | null;
    readonly credentials: { readonly email: string; readonly accessToken: string } | null;
  }) => Promise<boolean>;
  /** Removes an environment's credentials; the current one is tested again at once. */
  readonly credentialsCleared: (environment: Environment) => Promise<void>;
  readonly testFundsRequested: (amountCents: number) => Promise<boolean>;
}

/** A view of main's connection service; main pushes every change as `connection:changed`. */
export const createConnectionStore = (api: GiftBatchApi) =>
  createStore<ConnectionStoreState>()((set, get) => {
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
    const isCurrent = (environment: Environment) => get().connection?.environment === environment;
    return {
      connection: null,
      formError: null,
      isSaving: false,
      isFunding: false,
      fundingError: null,
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
      settingsApplied: async ({ environment, select, credentials }) => {
        if (
          credentials !== null &&
          !(await settle(() => api.setCredentials({ ...credentials, environment })))
        ) {
          return false;
        }
        if (select !== null && !(await settle(() => api.selectEnvironment(select)))) return false;
        await get().testRequested();
        return true;
      },
      credentialsCleared: async (environment) => {
        if ((await settle(() => api.clearCredentials({ environment }))) && isCurrent(environment)) {
          void get().testRequested();
        }
      },
      testFundsRequested: async (amountCents) => {
        set({ isFunding: true, fundingError: null });
        const result = await api.addTestFunds({ amountCents });
        set(
          result.ok
            ? { connection: result.value, isFunding: false }
            : { isFunding: false, fundingError: result.error.message },
        );
        return result.ok;
      },
    };
  });

export type ConnectionStore = ReturnType<typeof createConnectionStore>;
