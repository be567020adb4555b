import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { demoCredentials } from '../../main/sandbox/demo-credentials.ts';
import { defaultFaultPlan } from '../../main/sandbox/fault-plan.ts';
import { startSandbox } from '../../main/sandbox/sandbox-server.ts';
import { signedInSandbox } from '../support/sandbox-http.ts';

/** Asymmetric matchers are `any` to the type checker; as `unknown` they can sit in expected objects. */
const anyString: unknown = expect.any(String);

const sandbox = signedInSandbox();
afterEach(() => sandbox.close());
const { start, call } = sandbox;

const balance = async () => (await call('GET', '/v1/Balance')).body;
const order = (poNumber: string) => ({
  Type: 'DigitalDelivery',
  PONumber: poNumber,
  LineItems: [
    { ProductId: 'PAPERCRANE-CRAFTS', Value: 20, DigitalDeliveryAddress: { Email: 'a@example.org' } },
  ],
});

describe('the deposit balance', () => {
  it('starts at 10,000.00 Available, or at balanceCents', async () => {
    await start();
    await expect(balance()).resolves.toEqual({ Available: 10_000, Pending: 0, CurrencyCode: 'USD' });
    await sandbox.close();
    await start({ balanceCents: 12_345 });
    await expect(balance()).resolves.toEqual({ Available: 123.45, Pending: 0, CurrencyCode: 'USD' });
  });

  it('adds funding to Pending, which only becomes spendable once applied', async () => {
    await start({ balanceCents: 1_000 });
    await expect(call('POST', '/_sim/funding', { Amount: 250.5 })).resolves.toEqual({
      status: 200,
      body: { Available: 10, Pending: 250.5, CurrencyCode: 'USD' },
    });
    await call('POST', '/_sim/funding', { amount: 49.5 });
    expect((await call('POST', '/v1/Orders', order('funds-1'))).status).toBe(422);
    await expect(call('POST', '/_sim/funding/apply')).resolves.toEqual({
      status: 200,
      body: { Available: 310, Pending: 0, CurrencyCode: 'USD' },
    });
    expect((await call('POST', '/v1/Orders', order('funds-1'))).status).toBe(201);
    await expect(balance()).resolves.toEqual({ Available: 290, Pending: 0, CurrencyCode: 'USD' });
  });

  it.each([{ Amount: 0 }, { Amount: -5 }, { Amount: 1.234 }, { Amount: '10' }, {}])(
    'refuses funding of %j',
    async (body) => {
      await start();
      await expect(call('POST', '/_sim/funding', body)).resolves.toMatchObject({
        status: 400,
        body: { Errors: { Amount: [anyString] } },
      });
      await expect(balance()).resolves.toMatchObject({ Pending: 0 });
    },
  );
});

describe('POST /_sim/reset', () => {
  it('clears orders and stats, and restores the starting balance and faults', async () => {
    const running = await start({ balanceCents: 50_000, faults: { latencyMs: 1 } });
    await call('POST', '/v1/Orders', order('reset-1'));
    await call('POST', '/_sim/funding', { Amount: 10 });
    running.setFaults({ rate429: 0.5 });
    await expect(call('POST', '/_sim/reset')).resolves.toEqual({
      status: 200,
      body: { Message: anyString },
    });
    await expect(call('GET', '/_sim/orders')).resolves.toEqual({ status: 200, body: [] });
    await expect(balance()).resolves.toEqual({ Available: 500, Pending: 0, CurrencyCode: 'USD' });
    await expect(call('GET', '/_sim/faults')).resolves.toMatchObject({
      body: { ...defaultFaultPlan, latencyMs: 1 },
    });
    await expect(call('GET', '/_sim/stats')).resolves.toMatchObject({
      body: { orderCreateRequests: 0, ordersCreated: 0 },
    });
    // The PONumber is free again, and the token still works.
    expect((await call('POST', '/v1/Orders', order('reset-1'))).status).toBe(201);
  });
});

describe('GET /_sim/orders and /_sim/stats', () => {
  it('lists every order oldest first, and counts every request by route, faulted ones included', async () => {
    const running = await start();
    await call('POST', '/v1/Orders', order('stats-1'));
    await call('POST', '/v1/Orders', order('stats-2'));
    await call('POST', '/v1/Orders', order('stats-2'));
    running.setFaults({ error5xx: 1 });
    await call('POST', '/v1/Orders', order('stats-3'));
    await call('GET', '/v1/Orders/ord_missing');
    running.setFaults({ error5xx: 0 });
    await call('GET', '/v1/Products?pageSize=1');
    await call('GET', '/nowhere');

    const orders = z
      .array(z.object({ PONumber: z.string(), Status: z.string() }))
      .parse((await call('GET', '/_sim/orders')).body);
    expect(orders.map((item) => item.PONumber)).toEqual(['stats-1', 'stats-2']);
    await expect(call('GET', '/_sim/stats')).resolves.toEqual({
      status: 200,
      body: {
        orderCreateRequests: 4,
        ordersCreated: 2,
        requestsByRoute: {
          'POST /v1/Tokens': 1,
          'POST /v1/Orders': 4,
          'GET /v1/Orders/{id}': 1,
          'GET /v1/Products': 1,
          'GET (unmatched)': 1,
          'GET /_sim/orders': 1,
          'GET /_sim/stats': 1,
        },
      },
    });
  });
});

describe('routing', () => {
  it('answers unknown routes with a JSON 404', async () => {
    await start();
    for (const [method, path] of [
      ['GET', '/'],
      ['GET', '/v1/Nope'],
      ['DELETE', '/v1/Orders'],
      ['GET', '/v2/Orders'],
      ['GET', '/v1/Orders/%E0%A4%A'],
    ] as const) {
      await expect(call(method, path)).resolves.toEqual({
        status: 404,
        body: { Message: anyString },
      });
    }
  });

  it('binds to 127.0.0.1 on the port asked for', async () => {
    const probe = await startSandbox();
    const port = Number(new URL(probe.url).port);
    await probe.close();
    const running = await start({ port });
    expect(running.url).toBe(`http://127.0.0.1:${port}`);
    expect(running.credentials).toEqual(demoCredentials);
  });

  it('closes idempotently, refusing new connections', async () => {
    const running = await start();
    await Promise.all([running.close(), running.close()]);
    await expect(fetch(`${running.url}/_sim/stats`)).rejects.toThrow();
  });
});
