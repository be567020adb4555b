import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { packageInfo } from '../support/package-info.ts';
import { startBridgeServer, type BridgeServer } from '../support/bridge-server.ts';
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

const call = async (channel: string, body: string, origin: string | null = bridge.url) => {
  const response = await fetch(`${bridge.url}/__bridge/call/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(origin === null ? {} : { origin }) },
    body,
  });
  return (await response.json()) as unknown;
};

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
    await expect(call('app:get-info', '{}', 'http://evil.example')).resolves.toMatchObject({
      ok: false,
      error: { code: 'untrusted_sender' },
    });
    await expect(call('app:get-info', '{}', null)).resolves.toMatchObject({
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
    const response = await fetch(`${bridge.url}/__bridge/events`, { signal: controller.signal });
    const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
    if (reader === undefined) throw new Error('no event stream body');
    await reader.read();
    services.events.emit('app:notice', { id: 'n1', level: 'info', message: 'Hello from main' });
    let received = '';
    while (!received.includes('\n\n')) {
      const { value, done } = await reader.read();
      if (done) break;
      received += value;
    }
    controller.abort();
    expect(received).toBe(
      'event: app:notice\ndata: {"id":"n1","level":"info","message":"Hello from main"}\n\n',
    );
  });
});
