import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createGcpClient } from '../../main/api/gcp-client.ts';
import { createLogger } from '../../main/logging/logger.ts';

/**
 * A provider unlike our sandbox in the ways docs/provider-api.md leaves open: pages capped at 20 whatever size is
 * asked, and a 409 whose body names no order (docs/provider-api.md §13.8, §13.10). 150 orders exist; the one wanted is old.
 */
const startQuirkyProvider = async (): Promise<Server> => {
  const orders = Array.from({ length: 150 }, (_, index) => ({
    Id: `ord-${String(150 - index)}`,
    PONumber: `GB-b-${String(150 - index)}`,
    Status: 'Completed',
    LineItems: [],
  }));
  const answer = (method: string | undefined, url: URL): [number, unknown] => {
    if (url.pathname === '/v1/Tokens') return [200, { Value: 'token', ExpiresIn: 3600 }];
    if (method === 'POST' && url.pathname === '/v1/Orders') return [409, { Message: 'Duplicate' }];
    if (url.pathname === '/v1/Orders') {
      const page = Number(url.searchParams.get('pageIndex') ?? '1');
      return [
        200,
        { Page: page, PageSize: 20, TotalCount: 150, Data: orders.slice((page - 1) * 20, page * 20) },
      ];
    }
    const match = orders.find((order) => url.pathname === `/v1/Orders/${order.Id}`);
    return match === undefined ? [404, { Message: 'Not found' }] : [200, match];
  };
  const server = createServer((request, response) => {
    const [status, body] = answer(request.method, new URL(request.url ?? '/', 'http://127.0.0.1'));
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
};

let server: Server | undefined;
afterEach(() => {
  server?.close();
});

describe('recovering the original order after a 409 that names none', () => {
  it('pages past a provider that returns fewer orders per page than asked', async () => {
    server = await startQuirkyProvider();
    const client = createGcpClient({
      baseUrl: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`,
      credentials: () => ({ email: 'a@b.c', accessToken: 't' }),
      logger: createLogger(() => undefined),
      balanceSupported: false,
    });
    const placed = await client.createOrder({
      type: 'Links',
      poNumber: 'GB-b-3',
      lines: [{ productId: 'X', valueCents: 1000, quantity: 1 }],
    });
    expect(placed).toMatchObject({ ok: true, value: { via: 'duplicate', order: { id: 'ord-3' } } });
  });
});
