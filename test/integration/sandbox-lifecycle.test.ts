import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { centsToDecimal, lineCostCents } from '../../common/money.ts';
import { signedInSandbox } from '../support/sandbox-http.ts';

/** Asymmetric matchers are `any` to the type checker; as `unknown` they can sit in expected objects. */
const anyString: unknown = expect.any(String);
const containing = (expected: Record<string, unknown>): unknown => expect.objectContaining(expected);

const sandbox = signedInSandbox({ completionDelayMs: { min: 30, max: 60 } });
const { start, call } = sandbox;
let hookServer: Server | undefined;

afterEach(async () => {
  await sandbox.close();
  hookServer?.closeAllConnections();
  await new Promise((resolve) => hookServer?.close(resolve) ?? resolve(undefined));
  hookServer = undefined;
});

const orderSchema = z.object({
  Id: z.string(),
  Status: z.string(),
  LineItems: z.array(z.object({ Status: z.string(), Cost: z.number(), ClaimData: z.array(z.unknown()) })),
});
const links = (poNumber: string, quantity: number, extra: Record<string, unknown> = {}) => ({
  Type: 'Links',
  PONumber: poNumber,
  LineItems: [{ ProductId: 'NORTHWIND-COFFEE', Value: 10, Quantity: quantity }],
  ...extra,
});
const linksCost = (quantity: number) =>
  lineCostCents(1_000, quantity, { feeCents: 0, discountPercentage: 2.5 });
const available = async () =>
  z.object({ Available: z.number() }).parse((await call('GET', '/v1/Balance')).body).Available;

const place = async (body: unknown) => {
  const answer = await call('POST', '/v1/Orders', body);
  expect(answer.status).toBe(201);
  return orderSchema.parse(answer.body);
};

/** Polls GET /v1/Orders/{id} until it leaves Pending or the deadline passes. */
const settled = async (id: string, deadlineMs = 3_000) => {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const order = orderSchema.parse((await call('GET', `/v1/Orders/${id}`)).body);
    if (order.Status !== 'Pending' || Date.now() > deadline) return order;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('order lifecycle', () => {
  it('completes small orders at once and sends large ones through Pending, debiting at creation', async () => {
    await start();
    const small = await place(links('small-1', 10));
    expect(small.Status).toBe('Completed');
    expect(small.LineItems[0]?.ClaimData).toHaveLength(10);

    const large = await place(links('large-1', 11));
    expect(large).toMatchObject({ Status: 'Pending', LineItems: [{ Status: 'Pending', ClaimData: [] }] });
    await expect(available()).resolves.toBe(centsToDecimal(1_000_000 - linksCost(10) - linksCost(11)));

    const done = await settled(large.Id);
    expect(done).toMatchObject({ Status: 'Completed', LineItems: [{ Status: 'Completed' }] });
    expect(done.LineItems[0]?.ClaimData).toHaveLength(11);
    await expect(available()).resolves.toBe(centsToDecimal(1_000_000 - linksCost(10) - linksCost(11)));
  });

  it('counts cards across all lines against pendingThresholdCards', async () => {
    await start({ pendingThresholdCards: 2 });
    const body = {
      ...links('threshold-1', 2),
      LineItems: [...links('x', 2).LineItems, ...links('x', 1).LineItems],
    };
    expect((await place(body)).Status).toBe('Pending');
    expect((await place(links('threshold-2', 2))).Status).toBe('Completed');
  });

  it('fails FAIL- orders and credits their cost back, at once when small', async () => {
    await start();
    const failed = await place(links('FAIL-small', 3));
    expect(failed).toMatchObject({ Status: 'Failed', LineItems: [{ Status: 'Failed', ClaimData: [] }] });
    await expect(available()).resolves.toBe(10_000);
  });

  it('fails large FAIL- orders after the normal Pending time, then refunds', async () => {
    await start();
    const pending = await place(links('FAIL-large', 12));
    expect(pending.Status).toBe('Pending');
    await expect(available()).resolves.toBe(centsToDecimal(1_000_000 - linksCost(12)));
    await expect(settled(pending.Id)).resolves.toMatchObject({
      Status: 'Failed',
      LineItems: [{ Status: 'Failed', ClaimData: [] }],
    });
    await expect(available()).resolves.toBe(10_000);
  });

  it('keeps SLOW- orders Pending for slowCompletionDelayMs, then settles them on the next request', async () => {
    let clock = Date.parse('2025-03-01T12:00:00Z');
    await start({ now: () => clock, slowCompletionDelayMs: 120_000, faults: { tokenTtlSeconds: 86_400 } });
    const slow = await place(links('SLOW-1', 1));
    expect(slow.Status).toBe('Pending');
    clock += 119_999;
    await expect(call('GET', `/v1/Orders/${slow.Id}`)).resolves.toMatchObject({
      body: { Status: 'Pending' },
    });
    clock += 1;
    await expect(call('GET', `/v1/Orders/${slow.Id}`)).resolves.toMatchObject({
      body: { Status: 'Completed' },
    });
  });

  it('creates TIMEOUT- orders but answers 504, so the retry gets 409 with the Id', async () => {
    await start();
    const first = await call('POST', '/v1/Orders', links('TIMEOUT-1', 1));
    expect(first).toEqual({ status: 504, body: { Message: anyString } });
    const orders = await sandbox.simOrders();
    expect(orders.map((order) => order.PONumber)).toEqual(['TIMEOUT-1']);
    const retry = await call('POST', '/v1/Orders', links('TIMEOUT-1', 1));
    expect(retry).toMatchObject({ status: 409, body: { Id: orders[0]?.Id } });
    await expect(call('GET', `/v1/Orders/${orders[0]?.Id ?? ''}`)).resolves.toMatchObject({
      status: 200,
      body: { Status: 'Completed' },
    });
  });
});

describe('FulfillmentComplete webhooks', () => {
  const listen = async () => {
    const received: { method?: string; path?: string; contentType?: string; body: unknown }[] = [];
    hookServer = createServer((request, response) => {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      request.on('end', () => {
        received.push({
          method: request.method,
          path: request.url,
          contentType: request.headers['content-type'],
          body: JSON.parse(text) as unknown,
        });
        response.end();
      });
    });
    const server = hookServer;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}/hooks/secret-path`, received };
  };
  const arrival = async <T>(received: T[], count: number) => {
    const deadline = Date.now() + 3_000;
    while (received.length < count && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 10));
    return received;
  };

  it('posts the settled order, for synchronous and for Pending orders, with no request in between', async () => {
    await start();
    const hook = await listen();
    const webhook = { WebhookSettings: { FulfillmentComplete: hook.url } };
    const now = await place(links('hook-now', 1, webhook));
    const later = await place(links('hook-later', 11, webhook));
    expect(later.Status).toBe('Pending');
    const received = await arrival(hook.received, 2);
    expect(received).toEqual([
      {
        method: 'POST',
        path: '/hooks/secret-path',
        contentType: 'application/json',
        body: containing({ Id: now.Id, Status: 'Completed' }),
      },
      {
        method: 'POST',
        path: '/hooks/secret-path',
        contentType: 'application/json',
        body: containing({ Id: later.Id, Status: 'Completed' }),
      },
    ]);
    // The webhook carries the same JSON as GET /v1/Orders/{id}.
    await expect(call('GET', `/v1/Orders/${later.Id}`)).resolves.toEqual({
      status: 200,
      body: received[1]?.body,
    });
  });
});
