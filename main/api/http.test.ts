import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { sendHttp } from './http.ts';

const listen = async (server: Server): Promise<string> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
};
const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });

const post = (url: string) =>
  sendHttp((target, init) => fetch(target, init), {
    method: 'POST',
    url: `${url}/v1/Orders`,
    headers: {},
    body: '{}',
    timeoutMs: 5_000,
  });

describe('an HTTP exchange that gets no answer', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map(close));
  });

  it('is "refused" when nothing listens: the request was never sent', async () => {
    const server = createServer();
    const url = await listen(server);
    await close(server);
    const result = await post(url);
    expect(!result.ok && result.error.kind).toBe('refused');
    expect(!result.ok && result.error.message).toContain('before anything was sent');
  });

  it('is "network" when the connection breaks after the request went out: it may have arrived', async () => {
    let received = false;
    const server = createServer((request) => {
      received = true;
      request.socket.destroy();
    });
    servers.push(server);
    const result = await post(await listen(server));
    expect(received).toBe(true);
    expect(!result.ok && result.error.kind).toBe('network');
  });
});
