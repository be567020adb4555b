import { afterEach, describe, expect, it } from 'vitest';
import { defaultFaultPlan, parseFaultSpec } from '../../main/sandbox/fault-plan.ts';
import { signedInSandbox } from '../support/sandbox-http.ts';

/** Asymmetric matchers are `any` to the type checker; as `unknown` they can sit in expected objects. */
const anyString: unknown = expect.any(String);

/** `start` signs in before any fault is switched on, so the faults hit only the calls under test. */
const sandbox = signedInSandbox();
afterEach(() => sandbox.close());
const { start } = sandbox;

/** The raw text, as some faults break the JSON. */
const send = async (method: string, path: string, body?: unknown) => {
  const response = await sandbox.request(method, path, { body });
  return { status: response.status, headers: response.headers, text: await response.text() };
};
const order = (poNumber: string) => ({
  Type: 'DigitalDelivery',
  PONumber: poNumber,
  LineItems: [
    { ProductId: 'NORTHWIND-COFFEE', Value: 10, DigitalDeliveryAddress: { Email: 'a@example.org' } },
  ],
});
const simOrders = async () => (await sandbox.simOrders()).map((item) => item.PONumber);
const stats = () => sandbox.simStats();
/** A scripted random: returns the given numbers in turn. */
const scripted =
  (...values: number[]) =>
  () =>
    values.shift() ?? 0.5;

describe('faults with probability 1', () => {
  it('error5xx: a 500, 502 or 503 on any /v1 call, before anything is done', async () => {
    const running = await start({ random: scripted(0.4) });
    running.setFaults({ error5xx: 1 });
    const answer = await send('POST', '/v1/Orders', order('five-1'));
    expect(answer.status).toBe(502);
    expect(JSON.parse(answer.text)).toEqual({ Message: anyString });
    expect([500, 502, 503]).toContain((await send('GET', '/v1/Products')).status);
    expect([500, 502, 503]).toContain((await send('POST', '/v1/Tokens')).status);
    running.setFaults({ error5xx: 0 });
    expect(await simOrders()).toEqual([]);
    await expect(stats()).resolves.toMatchObject({ orderCreateRequests: 1, ordersCreated: 0 });
  });

  it('rate429: a 429 with Retry-After on any /v1 call', async () => {
    const running = await start({ faults: { retryAfterSeconds: 7 } });
    running.setFaults({ rate429: 1 });
    for (const [method, path] of [
      ['GET', '/v1/Balance'],
      ['POST', '/v1/Orders'],
    ] as const) {
      const answer = await send(method, path, method === 'POST' ? order('rate-1') : undefined);
      expect(answer.status).toBe(429);
      expect(answer.headers.get('retry-after')).toBe('7');
    }
    running.setFaults({ rate429: 0 });
    expect(await simOrders()).toEqual([]);
  });

  it('timeoutBeforeCreate: a 504 and no order', async () => {
    const running = await start();
    running.setFaults({ timeoutBeforeCreate: 1 });
    expect((await send('POST', '/v1/Orders', order('before-1'))).status).toBe(504);
    expect((await send('GET', '/v1/Balance')).status).toBe(200);
    expect(await simOrders()).toEqual([]);
    running.setFaults({ timeoutBeforeCreate: 0 });
    expect((await send('POST', '/v1/Orders', order('before-1'))).status).toBe(201);
  });

  it('timeoutAfterCreate: a 504, but the order exists and a retry gets 409', async () => {
    const running = await start();
    running.setFaults({ timeoutAfterCreate: 1 });
    expect((await send('POST', '/v1/Orders', order('after-1'))).status).toBe(504);
    expect(await simOrders()).toEqual(['after-1']);
    expect((await send('POST', '/v1/Orders', order('after-1'))).status).toBe(409);
    expect((await send('POST', '/v1/Orders', { ...order('after-2'), Type: 'Nope' })).status).toBe(400);
  });

  it('dropConnection: the socket closes with no response, but the order exists', async () => {
    const running = await start();
    running.setFaults({ dropConnection: 1 });
    await expect(send('POST', '/v1/Orders', order('drop-1'))).rejects.toThrow();
    expect(await simOrders()).toEqual(['drop-1']);
    await expect(stats()).resolves.toMatchObject({ orderCreateRequests: 1, ordersCreated: 1 });
  });

  it('malformedJson: a successful answer with a broken body, the order still created', async () => {
    const running = await start();
    running.setFaults({ malformedJson: 1 });
    const created = await send('POST', '/v1/Orders', order('broken-1'));
    expect(created.status).toBe(201);
    expect(() => JSON.parse(created.text) as unknown).toThrow();
    expect(created.text.startsWith('{"Id":"ord_')).toBe(true);
    const balance = await send('GET', '/v1/Balance');
    expect(() => JSON.parse(balance.text) as unknown).toThrow();
    // Error answers and the simulator's own routes stay intact.
    expect(JSON.parse((await send('POST', '/v1/Orders', order('broken-1'))).text)).toMatchObject({
      Message: 'Duplicate PONumber',
    });
    expect(await simOrders()).toEqual(['broken-1']);
  });
});

describe('latency and draws', () => {
  it('adds latencyMs, jitter and responseDelayMs to /v1 answers only', async () => {
    const running = await start({ random: scripted(0.75) });
    running.setFaults({ latencyMs: 100, jitterMs: 40, responseDelayMs: 50 });
    const timed = async (path: string) => {
      const started = performance.now();
      await fetch(`${running.url}${path}`, { headers: { authorization: `Bearer ${sandbox.token}` } });
      return performance.now() - started;
    };
    // 100 + (0.75 × 2 − 1) × 40 + 50 = 170 ms.
    expect(await timed('/v1/Balance')).toBeGreaterThanOrEqual(165);
    expect(await timed('/_sim/stats')).toBeLessThan(100);
  });

  it('draws each probability from the injected random', async () => {
    const running = await start({ random: scripted(0.3, 0.0, 0.7) });
    running.setFaults({ error5xx: 0.5 });
    expect((await send('GET', '/v1/Balance')).status).toBe(500);
    expect((await send('GET', '/v1/Balance')).status).toBe(200);
  });

  it('answers GET /_sim/faults and merges POST /_sim/faults, refusing unknown keys and bad values', async () => {
    const running = await start({ faults: { latencyMs: 5 } });
    await expect((await fetch(`${running.url}/_sim/faults`)).json()).resolves.toEqual({
      ...defaultFaultPlan,
      latencyMs: 5,
    });
    const post = (body: unknown) =>
      fetch(`${running.url}/_sim/faults`, { method: 'POST', body: JSON.stringify(body) });
    const updated = await post({ rate429: 0.25, TokenTtl: 30 });
    await expect(updated.json()).resolves.toEqual({
      ...defaultFaultPlan,
      latencyMs: 5,
      rate429: 0.25,
      tokenTtlSeconds: 30,
    });
    expect((await post({ rate429: 2 })).status).toBe(400);
    expect((await post({ explode: 1 })).status).toBe(400);
    expect((await post({ rate429: '0.5' })).status).toBe(400);
    await expect((await fetch(`${running.url}/_sim/faults`)).json()).resolves.toMatchObject({
      rate429: 0.25,
    });
  });
});

describe('parseFaultSpec', () => {
  it('reads a spec, with aliases', () => {
    expect(parseFaultSpec('error5xx=0.1,timeoutAfterCreate=0.05,rate429=0.02,tokenTtl=30')).toEqual({
      ok: true,
      value: { error5xx: 0.1, timeoutAfterCreate: 0.05, rate429: 0.02, tokenTtlSeconds: 30 },
    });
    expect(parseFaultSpec(' latency = 250 , ')).toEqual({ ok: true, value: { latencyMs: 250 } });
    expect(parseFaultSpec('')).toEqual({ ok: true, value: {} });
  });

  it.each([
    'nope=1',
    'error5xx',
    'error5xx=',
    'error5xx=abc',
    'error5xx=1.5',
    'rate429=-0.1',
    'tokenTtl=0.5',
    'a=1=2',
  ])('refuses %s with a message', (spec) => {
    expect(parseFaultSpec(spec)).toEqual({ ok: false, error: anyString });
  });
});
