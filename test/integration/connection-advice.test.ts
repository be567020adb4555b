import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConnectionService } from '../../main/connection/connection-service.ts';
import { createEmbeddedSandbox, type EmbeddedSandbox } from '../../main/connection/embedded-sandbox.ts';
import { connectToRunningSandbox } from '../../main/connection/running-sandbox.ts';
import { noCipher, openCredentialsVault } from '../../main/credentials/credentials-vault.ts';
import { createEventHub } from '../../main/events/event-hub.ts';
import { createLogger } from '../../main/logging/logger.ts';
import { demoCredentials } from '../../main/sandbox/demo-credentials.ts';
import { startSandbox, type RunningSandbox } from '../../main/sandbox/sandbox-server.ts';
import { createSettingsStore } from '../../main/settings/settings-store.ts';
import {
  refusedUrl,
  startRedirect,
  startSilentServer,
  startWebsite,
  type LocalServer,
} from '../support/misdirected-servers.ts';
import { createTempDir, type TempDir } from '../support/temp-dir.ts';

const logger = createLogger(() => undefined);
let dir: TempDir;
let closers: (() => Promise<void>)[];

const track = <T extends { close(): Promise<void> } | EmbeddedSandbox>(thing: T): T => {
  closers.push(() => ('stop' in thing ? thing.stop() : thing.close()));
  return thing;
};

const build = async (sandbox: EmbeddedSandbox = track(createEmbeddedSandbox(dir.path))) =>
  createConnectionService({
    settings: createSettingsStore(dir.path, logger),
    vault: await openCredentialsVault(dir.path, noCipher, logger),
    sandbox,
    events: createEventHub(),
    logger,
  });

/** Staging at `baseUrl` with the sandbox's demo credentials, tested; with how long the test took. */
const testStaging = async (baseUrl: string) => {
  const connection = await build();
  const selected = connection.selectEnvironment({ environment: 'staging', baseUrl });
  if (!selected.ok) throw new Error(selected.error.message);
  await connection.setCredentials(demoCredentials);
  const started = Date.now();
  const state = await connection.test();
  return { state, ms: Date.now() - started };
};

let sandbox: RunningSandbox;

beforeEach(async () => {
  dir = await createTempDir();
  closers = [];
  sandbox = await startSandbox();
  closers.push(() => sandbox.close());
});

afterEach(async () => {
  await Promise.all(closers.map((close) => close()));
  await dir.remove();
});

describe('Test connection says what is wrong with a base URL, within 5 s', () => {
  it('a refused port: nothing answers there, in words', async () => {
    const url = await refusedUrl();
    const { state, ms } = await testStaging(url);
    expect(state).toMatchObject({
      status: 'failed',
      failure: { kind: 'network', title: 'Nothing answers' },
    });
    expect(state.failure?.message).toBe(
      `Nothing answers at ${new URL(url).host} — check the address or your network (no server accepts connections on that port).`,
    );
    expect(state.failure?.message).not.toContain('ECONNREFUSED');
    expect(ms).toBeLessThan(5_000);
  });

  it('a host that takes the connection and never answers: given up on within the budget', async () => {
    const silent = track(await startSilentServer());
    const { state, ms } = await testStaging(silent.url);
    expect(state.failure).toMatchObject({ kind: 'timeout', title: 'Nothing answers' });
    expect(state.failure?.message).toContain('within 4 s — check the address or your network');
    expect(ms).toBeLessThan(5_000);
  });

  it('a web server that is not the API: said so, and never handed the credentials', async () => {
    const website: LocalServer = track(await startWebsite());
    const { state, ms } = await testStaging(website.url);
    expect(state.failure).toMatchObject({
      kind: 'bad_response',
      title: 'Not the GiftCard Partners API',
      message: `A server answers at ${website.url}, but not as the GiftCard Partners API: asking it for a token got HTTP 501 with a web page.`,
    });
    expect(state.failure?.advice).toContain('not the address of the portal or of a website');
    expect(website.received.length).toBeGreaterThan(0);
    for (const headers of website.received) {
      expect(headers.accesstoken).toBeUndefined();
      expect(headers.email).toBeUndefined();
    }
    expect(ms).toBeLessThan(5_000);
  });

  it('the API under a wrong path: names the base URL where it does answer', async () => {
    const { state, ms } = await testStaging(`${sandbox.url}/giftcards/api`);
    expect(state.failure).toMatchObject({
      kind: 'not_found',
      title: 'Wrong path',
      message: `The GiftCard Partners API answers at ${sandbox.url}, not at ${sandbox.url}/giftcards/api.`,
      advice: `Set the base URL to ${sandbox.url}.`,
      suggestedBaseUrl: sandbox.url,
    });
    expect(ms).toBeLessThan(5_000);
  });

  it('https to a server that speaks plain http on this computer: suggests its http address', async () => {
    const https = sandbox.url.replace('http://', 'https://');
    const { state } = await testStaging(https);
    expect(state.failure).toMatchObject({ title: 'Not https', suggestedBaseUrl: sandbox.url });
    expect(state.failure?.message).toBe(`${new URL(sandbox.url).host} answers plain http, not https.`);
  });

  it('a redirect: not followed with the credentials, and the address it leads to is named', async () => {
    const moved = track(await startRedirect(sandbox.url));
    const { state } = await testStaging(moved.url);
    expect(state.failure).toMatchObject({ title: 'Redirected', suggestedBaseUrl: sandbox.url });
    for (const headers of moved.received) expect(headers.accesstoken).toBeUndefined();
  });

  it('a base URL ending in /v1 or /v1/ works: every call adds /v1 itself', async () => {
    for (const suffix of ['/v1', '/v1/']) {
      const { state } = await testStaging(`${sandbox.url}${suffix}`);
      expect(state).toMatchObject({ status: 'connected', baseUrl: sandbox.url, failure: null });
    }
  });
});

describe('credentials per environment', () => {
  it('are saved for the environment named, and say which email they are for, never the token', async () => {
    const connection = await build();
    const state = await connection.setCredentials(
      { email: 'hr@example.com', accessToken: 'secret-token-123' },
      'staging',
    );
    expect(state.environment).toBe('sandbox');
    expect(state.saved).toMatchObject({
      sandbox: { email: null },
      staging: { email: 'hr@example.com' },
      production: { email: null },
    });
    expect(JSON.stringify(state)).not.toContain('secret-token-123');
    expect(connection.clearCredentials('staging').saved.staging.email).toBeNull();
  });
});

describe('test funds', () => {
  it('top up the built-in sandbox and come back with the balance refreshed', async () => {
    const connection = await build();
    const before = await connection.test();
    const funded = await connection.addTestFunds(123_456);
    expect(funded).toMatchObject({
      ok: true,
      value: {
        status: 'connected',
        balance: { availableCents: (before.balance?.availableCents ?? 0) + 123_456, pendingCents: 0 },
      },
    });
  });

  it('are refused on staging, and on a sandbox GiftBatch did not start', async () => {
    const onStaging = await build();
    onStaging.selectEnvironment({ environment: 'staging', baseUrl: sandbox.url });
    const refused = await onStaging.addTestFunds(100);
    expect(!refused.ok && refused.error.code).toBe('validation');
    expect(!refused.ok && refused.error.message).toContain('add funds in the provider portal');

    const elsewhere = await build(connectToRunningSandbox(sandbox.url));
    expect((await elsewhere.addTestFunds(100)).ok).toBe(false);
  });
});
