import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { packageInfo } from '../support/package-info.ts';
import { startBridgeServer, type BridgeServer } from '../support/bridge-server.ts';
import { bridgeKeyHeader } from '../support/bridge-paths.ts';
import { createTempDir, type TempDir } from '../support/temp-dir.ts';
import { createTestServices, type TestServices } from '../support/test-services.ts';

let dataDir: TempDir;
let services: TestServices;
let bridge: BridgeServer;

beforeEach(async () => {
  dataDir = await createTempDir();
  services = await createTestServices(dataDir.path);
  bridge = await startBridgeServer({ services });
});

afterEach(async () => {
  await bridge.close();
  await services.close();
  await dataDir.remove();
});

interface CallOptions {
  readonly origin?: string | null;
  /** The run's key by default; null sends none. */
  readonly key?: string | null;
}

const post = (channel: string, body: string, { origin = bridge.origin, key = bridge.key }: CallOptions) =>
  fetch(`${bridge.origin}/__bridge/call/${channel}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(origin === null ? {} : { origin }),
      ...(key === null ? {} : { [bridgeKeyHeader]: key }),
    },
    body,
  });

const call = async (channel: string, body: string, options: CallOptions = {}) =>
  (await (await post(channel, body, options)).json()) as unknown;

describe('the test bridge serves the real handler map over HTTP', () => {
  it('answers app:get-info with what main knows', async () => {
    await expect(call('app:get-info', '{}')).resolves.toEqual({
      ok: true,
      value: {
        productName: packageInfo.productName,
        version: packageInfo.version,
        environment: 'sandbox',
        dataDir: dataDir.path,
      },
    });
  });

  it('answers an invalid payload with a validation error result', async () => {
    await expect(call('app:get-info', JSON.stringify({ input: { anything: 1 } }))).resolves.toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
  });

  it('answers a body that is not JSON, or too large, with a validation error result', async () => {
    await expect(call('app:get-info', '{not json')).resolves.toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    const huge = JSON.stringify({ input: 'x'.repeat(81 * 1024 * 1024) });
    await expect(call('app:get-info', huge)).resolves.toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
  });

  it('refuses a page from another origin, and a request with no origin', async () => {
    await expect(call('app:get-info', '{}', { origin: 'http://evil.example' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'untrusted_sender' },
    });
    await expect(call('app:get-info', '{}', { origin: null })).resolves.toMatchObject({
      ok: false,
      error: { code: 'untrusted_sender' },
    });
    expect(services.logRecords.filter((record) => record.event === 'ipc.refused_sender')).toHaveLength(2);
  });

  it('answers a channel outside the contract with unknown_channel', async () => {
    await expect(call('shell:open-path', '{"input":"/"}')).resolves.toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' },
    });
  });

  it('streams contract events as server-sent events', async () => {
    const controller = new AbortController();
    const response = await fetch(`${bridge.origin}/__bridge/events`, {
      signal: controller.signal,
      headers: { [bridgeKeyHeader]: bridge.key },
    });
    const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
    if (reader === undefined) throw new Error('no event stream body');
    await reader.read();
    services.events.emit('app:notice-posted', { id: 'n1', level: 'info', message: 'Hello from main' });
    let received = '';
    while (!received.includes('\n\n')) {
      const { value, done } = await reader.read();
      if (done) break;
      received += value;
    }
    controller.abort();
    expect(received).toBe(
      'event: app:notice-posted\ndata: {"id":"n1","level":"info","message":"Hello from main"}\n\n',
    );
  });
});

describe("the test bridge answers only the page opened with this run's key", () => {
  it('listens on 127.0.0.1 only, and hands out a page URL that carries the key', () => {
    expect(bridge.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(bridge.key).toMatch(/^[\w-]{43}$/);
    expect(bridge.url).toBe(`${bridge.origin}/?key=${bridge.key}`);
  });

  it('refuses a call with the right origin but no key, or a wrong one, with 401, and runs no handler', async () => {
    const change = JSON.stringify({ input: { concurrency: 1 } });
    const refusals = [
      await post('settings:update-sending', change, { key: null }),
      await post('settings:update-sending', change, { key: `${bridge.key.slice(0, -1)}x` }),
      await post('settings:update-sending', change, { key: '' }),
      await post('drafts:list', '{}', { key: null }),
    ];
    for (const refusal of refusals) {
      expect(refusal.status).toBe(401);
      await expect(refusal.json()).resolves.toMatchObject({ ok: false, error: { code: 'untrusted_sender' } });
    }
    await expect(call('settings:get-sending', '{}')).resolves.toMatchObject({
      ok: true,
      value: { concurrency: 4 },
    });
    expect(services.logRecords.filter((record) => record.event === 'bridge.refused_key')).toHaveLength(4);
    expect(JSON.stringify(services.logRecords)).not.toContain(bridge.key);
  });

  it('refuses the event stream without the key', async () => {
    const response = await fetch(`${bridge.origin}/__bridge/events`);
    expect(response.status).toBe(401);
    await response.body?.cancel();
  });

  it('gives each run its own key', async () => {
    const other = await startBridgeServer({ services });
    try {
      expect(other.key).not.toBe(bridge.key);
      const response = await fetch(`${other.origin}/__bridge/call/app:get-info`, {
        method: 'POST',
        headers: { origin: other.origin, [bridgeKeyHeader]: bridge.key },
        body: '{}',
      });
      expect(response.status).toBe(401);
    } finally {
      await other.close();
    }
  });
});
