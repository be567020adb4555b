import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../common/contract/connection.ts';
import { createCatalogService } from '../../main/catalog/catalog-service.ts';
import { createConnectionService } from '../../main/connection/connection-service.ts';
import { createEmbeddedSandbox, type EmbeddedSandbox } from '../../main/connection/embedded-sandbox.ts';
import { noCipher, openCredentialsVault } from '../../main/credentials/credentials-vault.ts';
import { createEventHub } from '../../main/events/event-hub.ts';
import { createLogger } from '../../main/logging/logger.ts';
import { createSettingsStore } from '../../main/settings/settings-store.ts';
import { createTempDir, type TempDir } from '../support/temp-dir.ts';

const logger = createLogger(() => undefined);
let dir: TempDir;
let sandboxes: EmbeddedSandbox[];

/** The connection and catalog services as main builds them, over one data folder. */
const build = async (now = Date.now) => {
  const sandbox = createEmbeddedSandbox(dir.path);
  sandboxes.push(sandbox);
  const events = createEventHub();
  const published: ConnectionState[] = [];
  events.on('connection:changed', (state) => published.push(state));
  const connection = createConnectionService({
    settings: createSettingsStore(dir.path, logger),
    vault: await openCredentialsVault(dir.path, noCipher, logger),
    sandbox,
    events,
    logger,
    now,
  });
  return {
    connection,
    catalog: createCatalogService({ dataDir: dir.path, connection, logger, now }),
    published,
  };
};

beforeEach(async () => {
  dir = await createTempDir();
  sandboxes = [];
});

afterEach(async () => {
  await Promise.all(sandboxes.map((sandbox) => sandbox.stop()));
  await dir.remove();
});

describe('connecting', () => {
  it('reaches the embedded sandbox with no account and reports the token lifetime and balance', async () => {
    const { connection, published } = await build();
    expect(connection.state()).toMatchObject({
      environment: 'sandbox',
      status: 'idle',
      hasCredentials: true,
    });
    const state = await connection.test();
    expect(state).toMatchObject({
      status: 'connected',
      tokenExpiresInSeconds: 3600,
      balance: { availableCents: 1_000_000, pendingCents: 0, currencyCode: 'USD' },
      failure: null,
    });
    expect(state.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(published.map((published) => published.status)).toEqual(['checking', 'connected']);
  });

  it('says exactly which failure occurred for a wrong access token, and recovers with the demo one', async () => {
    const { connection } = await build();
    await connection.setCredentials({ email: 'demo@sandbox.giftbatch.app', accessToken: 'wrong' });
    expect(await connection.test()).toMatchObject({ status: 'failed', failure: { kind: 'unauthorized' } });
    connection.clearCredentials();
    expect(await connection.test()).toMatchObject({ status: 'connected' });
  });

  it('says API access is disabled for a 403', async () => {
    const { connection } = await build();
    await connection.setCredentials({
      email: 'disabled@sandbox.giftbatch.app',
      accessToken: 'sandbox-demo-access-token',
    });
    const state = await connection.test();
    expect(state.failure?.kind).toBe('forbidden');
    expect(state.failure?.advice).toContain('account manager');
  });

  it('requires https for staging and production, except on loopback, and remembers the choice', async () => {
    const { connection } = await build();
    expect(
      connection.selectEnvironment({ environment: 'production', baseUrl: 'http://api.example.com' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    const sandboxUrl = (await connection.test()).baseUrl ?? '';
    expect(connection.selectEnvironment({ environment: 'staging', baseUrl: `${sandboxUrl}/` })).toMatchObject(
      {
        ok: true,
        value: {
          environment: 'staging',
          baseUrl: sandboxUrl,
          hasCredentials: false,
          status: 'not_configured',
        },
      },
    );
    expect((await build()).connection.state()).toMatchObject({ environment: 'staging', baseUrl: sandboxUrl });
  });

  it('talks to a staging URL with the credentials given for staging', async () => {
    const { connection } = await build();
    const sandboxUrl = (await connection.test()).baseUrl ?? '';
    connection.selectEnvironment({ environment: 'staging', baseUrl: sandboxUrl });
    expect(await connection.test()).toMatchObject({ status: 'failed', failure: { kind: 'not_configured' } });
    await connection.setCredentials({
      email: 'demo@sandbox.giftbatch.app',
      accessToken: 'sandbox-demo-access-token',
    });
    expect(await connection.test()).toMatchObject({ status: 'connected', environment: 'staging' });
  });
});

describe('the catalog', () => {
  it('is fetched once, then served from a cache that survives a restart', async () => {
    const first = await build();
    expect(await first.catalog.get()).toMatchObject({ ok: true, value: { source: 'provider' } });
    const restarted = await build();
    const cached = await restarted.catalog.get();
    expect(cached).toMatchObject({ ok: true, value: { source: 'cache' } });
    if (cached.ok) expect(cached.value.products.length).toBeGreaterThanOrEqual(20);
  });

  it('is fetched again once the cache is a week old, or on request', async () => {
    let clock = Date.now();
    const { catalog } = await build(() => clock);
    await catalog.get();
    clock += 6 * 24 * 3600 * 1000;
    expect(await catalog.get()).toMatchObject({ value: { source: 'cache' } });
    expect(await catalog.refresh()).toMatchObject({ value: { source: 'provider' } });
    clock += 7 * 24 * 3600 * 1000;
    expect(await catalog.get()).toMatchObject({ value: { source: 'provider' } });
  });

  it('is not served from the cache of another provider URL', async () => {
    const { connection, catalog } = await build();
    const sandboxUrl = (await connection.test()).baseUrl ?? '';
    const port = new URL(sandboxUrl).port;
    await connection.setCredentials({
      email: 'demo@sandbox.giftbatch.app',
      accessToken: 'sandbox-demo-access-token',
    });
    connection.selectEnvironment({ environment: 'staging', baseUrl: `http://127.0.0.1:${port}` });
    await connection.setCredentials({
      email: 'demo@sandbox.giftbatch.app',
      accessToken: 'sandbox-demo-access-token',
    });
    expect(await catalog.get()).toMatchObject({ value: { source: 'provider' } });
    expect(await catalog.get()).toMatchObject({ value: { source: 'cache' } });
    connection.selectEnvironment({ environment: 'staging', baseUrl: `http://localhost:${port}` });
    expect(await catalog.get()).toMatchObject({ value: { source: 'provider' } });
  });
});
