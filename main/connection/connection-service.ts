import { parseBaseUrl } from '../../common/connection/base-url.ts';
import type { Environment } from '../../common/contract/app.ts';
import type {
  ConnectionFailure,
  ConnectionState,
  SavedEnvironment,
} from '../../common/contract/connection.ts';
import { appError, type AppError } from '../../common/errors.ts';
import { err, ok, type Result } from '../../common/result.ts';
import { adviceFor, type ApiError } from '../api/api-error.ts';
import {
  createGcpClient,
  type Credentials,
  type GcpClient,
  type GcpClientOptions,
} from '../api/gcp-client.ts';
import type { CredentialsVault } from '../credentials/credentials-vault.ts';
import type { EventHub } from '../events/event-hub.ts';
import type { Logger } from '../logging/logger.ts';
import { demoCredentials } from '../sandbox/demo-credentials.ts';
import type { SettingsStore } from '../settings/settings-store.ts';
import { diagnoseBaseUrl } from './diagnose-base-url.ts';
import type { EmbeddedSandbox } from './embedded-sandbox.ts';
import { addSandboxFunds } from './sandbox-funding.ts';

export interface ConnectionServiceOptions {
  readonly settings: SettingsStore;
  readonly vault: CredentialsVault;
  readonly sandbox: EmbeddedSandbox;
  readonly events: EventHub;
  readonly logger: Logger;
  readonly now?: () => number;
  /** Test seams for deadlines and retry timing; production uses the client's defaults. */
  readonly clientTuning?: Pick<GcpClientOptions, 'timeouts' | 'retry' | 'sleep'>;
}

type Probe = Pick<ConnectionState, 'status' | 'balance' | 'tokenExpiresInSeconds' | 'failure' | 'checkedAt'>;
const unprobed: Omit<Probe, 'status'> = {
  balance: null,
  tokenExpiresInSeconds: null,
  failure: null,
  checkedAt: null,
};

/** A saved base URL, read with today's rule: one saved with a trailing /v1 before it was corrected works. */
const usableBaseUrl = (saved: string | null): string | null => {
  if (saved === null || saved === '') return null;
  const parsed = parseBaseUrl(saved);
  return parsed.ok ? parsed.value.url : saved;
};

/**
 * Which provider environment GiftBatch talks to, with which credentials, and how that is going. Every
 * change is pushed as a `connection:changed` event; the renderer never sees an access token.
 */
export const createConnectionService = (options: ConnectionServiceOptions) => {
  const { settings, vault, sandbox, events, logger } = options;
  const now = options.now ?? Date.now;
  let probe: Probe = { status: 'idle', ...unprobed };
  let sandboxUrl: string | null = null;
  let cachedClient: GcpClient | undefined;
  /** Bumped whenever the environment or credentials change: a check begun before then is stale. */
  let generation = 0;

  const environment = (): Environment => settings.get().environment;
  const credentialsFor = (env: Environment): Credentials | undefined =>
    vault.get(env) ?? (env === 'sandbox' ? demoCredentials : undefined);
  const remoteSettings = () => {
    const env = environment();
    return env === 'sandbox' ? undefined : settings.get()[env];
  };
  const remoteBaseUrl = (): string | null => usableBaseUrl(remoteSettings()?.baseUrl ?? null);
  const isConfigured = () =>
    credentialsFor(environment()) !== undefined &&
    (remoteSettings() === undefined || remoteBaseUrl() !== null);

  const snapshot = (): ConnectionState => {
    const remote = remoteSettings();
    const all = settings.get();
    const savedFor = (env: Environment): SavedEnvironment => ({
      email: vault.get(env)?.email ?? null,
      baseUrl: env === 'sandbox' ? null : usableBaseUrl(all[env].baseUrl),
      balanceSupported: env === 'sandbox' ? true : all[env].balanceSupported,
    });
    return {
      environment: environment(),
      baseUrl: remote === undefined ? sandboxUrl : remoteBaseUrl(),
      hasCredentials: credentialsFor(environment()) !== undefined,
      saved: {
        sandbox: savedFor('sandbox'),
        staging: savedFor('staging'),
        production: savedFor('production'),
      },
      balanceSupported: remote?.balanceSupported ?? true,
      ...probe,
      status: probe.status === 'idle' && !isConfigured() ? 'not_configured' : probe.status,
    };
  };

  const publish = (): ConnectionState => {
    const state = snapshot();
    events.emit('connection:changed', state);
    return state;
  };

  const forget = (): ConnectionState => {
    generation += 1;
    cachedClient = undefined;
    probe = { status: 'idle', ...unprobed };
    return publish();
  };

  const failWith = (failure: ConnectionFailure): ConnectionState => {
    probe = { ...unprobed, status: 'failed', failure, checkedAt: new Date(now()).toISOString() };
    return publish();
  };
  const fail = (error: ApiError): ConnectionState =>
    failWith({ kind: error.kind, message: error.message, advice: adviceFor(error.kind) });

  const baseUrlNow = async (): Promise<Result<string, ApiError>> => {
    if (remoteSettings() === undefined) {
      sandboxUrl = (await sandbox.start()).url;
      return ok(sandboxUrl);
    }
    const baseUrl = remoteBaseUrl();
    return baseUrl === null
      ? err({ kind: 'not_configured', message: `No base URL is set for ${environment()}.` })
      : ok(baseUrl);
  };

  const client = async (): Promise<Result<GcpClient, ApiError>> => {
    if (cachedClient !== undefined) return ok(cachedClient);
    const env = environment();
    const baseUrl = await baseUrlNow();
    if (!baseUrl.ok) return baseUrl;
    cachedClient = createGcpClient({
      baseUrl: baseUrl.value,
      credentials: () => credentialsFor(env),
      logger,
      balanceSupported: remoteSettings()?.balanceSupported ?? true,
      now,
      ...options.clientTuning,
    });
    return ok(cachedClient);
  };

  const fetchBalance = async (api: GcpClient, startedIn: number): Promise<ConnectionState> => {
    const balance = snapshot().balanceSupported ? await api.getBalance() : undefined;
    if (startedIn !== generation) return snapshot();
    // A provider without the (undocumented) balance endpoint is still connected; it just reports no balance.
    if (balance !== undefined && !balance.ok && balance.error.kind !== 'not_found')
      return fail(balance.error);
    probe = {
      ...probe,
      status: 'connected',
      balance: balance?.ok === true ? balance.value : null,
      failure: null,
      checkedAt: new Date(now()).toISOString(),
    };
    return publish();
  };

  return {
    state: snapshot,
    client,

    /**
     * First whether the base URL answers as the API at all (a few seconds, no credentials sent), then
     * the credentials and the balance.
     */
    test: async (): Promise<ConnectionState> => {
      const startedIn = generation;
      probe = { ...probe, status: 'checking' };
      publish();
      const baseUrl = await baseUrlNow();
      if (startedIn !== generation) return snapshot();
      if (!baseUrl.ok) return fail(baseUrl.error);
      const problem = await diagnoseBaseUrl(baseUrl.value);
      if (startedIn !== generation) return snapshot();
      if (problem !== undefined) return failWith(problem);
      const api = await client();
      if (startedIn !== generation) return snapshot();
      if (!api.ok) return fail(api.error);
      const token = await api.value.testCredentials();
      if (startedIn !== generation) return snapshot();
      if (!token.ok) return fail(token.error);
      probe = { ...probe, tokenExpiresInSeconds: token.value.expiresInSeconds };
      return fetchBalance(api.value, startedIn);
    },

    refreshBalance: async (): Promise<ConnectionState> => {
      const startedIn = generation;
      const api = await client();
      if (startedIn !== generation) return snapshot();
      return api.ok ? fetchBalance(api.value, startedIn) : fail(api.error);
    },

    selectEnvironment: (input: {
      environment: Environment;
      baseUrl?: string | undefined;
      balanceSupported?: boolean | undefined;
    }): Result<ConnectionState, AppError> => {
      const target = input.environment;
      if (target === 'sandbox') {
        settings.update((current) => ({ ...current, environment: target }));
        return ok(forget());
      }
      const current = settings.get()[target];
      const givenUrl = input.baseUrl === undefined || input.baseUrl === '' ? current.baseUrl : input.baseUrl;
      if (givenUrl === null)
        return err(appError('validation', `Enter the ${target} base URL from your provider.`));
      const baseUrl = parseBaseUrl(givenUrl);
      if (!baseUrl.ok) return err(appError('validation', baseUrl.error.message));
      settings.update((all) => ({
        ...all,
        environment: target,
        [target]: {
          baseUrl: baseUrl.value.url,
          balanceSupported: input.balanceSupported ?? current.balanceSupported,
        },
      }));
      return ok(forget());
    },

    /** For the given environment, or the current one; a change to another leaves this connection be. */
    setCredentials: async (
      credentials: Credentials,
      target: Environment = environment(),
    ): Promise<ConnectionState> => {
      await vault.set(target, credentials);
      return target === environment() ? forget() : publish();
    },

    clearCredentials: (target: Environment = environment()): ConnectionState => {
      vault.clear(target);
      return target === environment() ? forget() : publish();
    },

    /**
     * Test funds, for the built-in sandbox only: elsewhere money is added in the provider's portal, and
     * a `giftbatch sandbox` the CLI points at belongs to whoever runs it.
     */
    addTestFunds: async (amountCents: number): Promise<Result<ConnectionState, AppError>> => {
      if (environment() !== 'sandbox' || !sandbox.isBuiltIn) {
        return err(
          appError(
            'validation',
            `Test funds exist only in the built-in Sandbox; on ${environment()} add funds in the provider portal.`,
          ),
        );
      }
      const { url } = await sandbox.start();
      await addSandboxFunds(url, amountCents);
      logger.info('sandbox.funded', { amountCents });
      const api = await client();
      return ok(api.ok ? await fetchBalance(api.value, generation) : fail(api.error));
    },
  };
};

export type ConnectionService = ReturnType<typeof createConnectionService>;
