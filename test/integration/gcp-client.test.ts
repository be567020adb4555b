import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Product } from '../../common/catalog/product.ts';
import { lineCostCents } from '../../common/money.ts';
import type { CreateOrderRequest } from '../../main/api/order-types.ts';
import { startSandboxWithClient, type SandboxUnderTest } from '../support/start-sandbox.ts';

let env: SandboxUnderTest;
let products: Product[];

beforeEach(async () => {
  env = await startSandboxWithClient();
  const listed = await env.client.listProducts();
  if (!listed.ok) throw new Error(`catalog: ${listed.error.message}`);
  products = listed.value;
});

afterEach(async () => {
  await env.close();
});

const digitalProduct = () => {
  const product = products.find(
    (candidate) =>
      candidate.denominations.kind === 'fixed' && candidate.deliveryTypes.includes('DigitalDelivery'),
  );
  if (product?.denominations.kind !== 'fixed') throw new Error('no fixed digital product');
  return { product, valueCents: product.denominations.valuesCents[0] ?? 0 };
};

let poCounter = 0;
const digitalOrder = (poNumber = `GB-test-${String((poCounter += 1))}`): CreateOrderRequest => {
  const { product, valueCents } = digitalProduct();
  return {
    type: 'DigitalDelivery',
    poNumber,
    lines: [
      {
        productId: product.id,
        valueCents,
        quantity: 1,
        digitalDeliveryAddress: { email: 'pat@example.org' },
        personalization: { to: 'Pat', fromName: 'Acme', message: 'Thank you!' },
      },
    ],
  };
};

/** The invariant behind every test here: the sandbox never holds two orders for one PONumber. */
const expectOneOrderPer = async (poNumber: string) => {
  const matching = (await env.orders()).filter((order) => order.poNumber === poNumber);
  expect(matching).toHaveLength(1);
  return matching[0];
};

describe('the API client against the real sandbox', () => {
  it('lists the whole catalog with money in cents and every delivery type present', () => {
    expect(products.length).toBeGreaterThanOrEqual(20);
    const kinds = new Set(products.flatMap((product) => product.deliveryTypes));
    expect([...kinds].sort()).toEqual(['DigitalDelivery', 'Links', 'PhysicalShipment']);
    expect(products.some((product) => product.denominations.kind === 'variable')).toBe(true);
    for (const product of products) expect(Number.isInteger(product.cost.feeCents)).toBe(true);
  });

  it('places an order (201) and charges the balance exactly its cost', async () => {
    const before = await env.client.getBalance();
    const request = digitalOrder();
    const placed = await env.client.createOrder(request);
    expect(placed).toMatchObject({ ok: true, value: { via: 'created', order: { status: 'completed' } } });
    const after = await env.client.getBalance();
    const { product, valueCents } = digitalProduct();
    if (!before.ok || !after.ok) throw new Error('balance unavailable');
    expect(before.value.availableCents - after.value.availableCents).toBe(
      lineCostCents(valueCents, 1, product.cost),
    );
    await expectOneOrderPer(request.poNumber);
  });

  it('recovers the original order through 409 when the answer to a created order was lost (504 after create)', async () => {
    const request = digitalOrder();
    env.faultFirstAttempt({ timeoutAfterCreate: 1 });
    const placed = await env.client.createOrder(request);
    expect(placed).toMatchObject({ ok: true, value: { via: 'duplicate' } });
    const stored = await expectOneOrderPer(request.poNumber);
    if (placed.ok) expect(placed.value.order.id).toBe(stored?.id);
  });

  it('retries a 504 that came before the order was created, and creates it once', async () => {
    const request = digitalOrder();
    env.faultFirstAttempt({ timeoutBeforeCreate: 1 });
    await expect(env.client.createOrder(request)).resolves.toMatchObject({
      ok: true,
      value: { via: 'created' },
    });
    await expectOneOrderPer(request.poNumber);
  });

  it('recovers from a dropped connection after the order was created', async () => {
    const request = digitalOrder();
    env.faultFirstAttempt({ dropConnection: 1 });
    await expect(env.client.createOrder(request)).resolves.toMatchObject({
      ok: true,
      value: { via: 'duplicate' },
    });
    await expectOneOrderPer(request.poNumber);
  });

  it('recovers from an unreadable (malformed JSON) answer without a second order', async () => {
    const request = digitalOrder();
    env.faultFirstAttempt({ malformedJson: 1 });
    await expect(env.client.createOrder(request)).resolves.toMatchObject({ ok: true });
    await expectOneOrderPer(request.poNumber);
  });

  it('retries 5xx with the same PONumber', async () => {
    const request = digitalOrder();
    env.faultFirstAttempt({ error5xx: 1 });
    await expect(env.client.createOrder(request)).resolves.toMatchObject({
      ok: true,
      value: { via: 'created' },
    });
    await expectOneOrderPer(request.poNumber);
  });

  it('waits as long as Retry-After says on a 429', async () => {
    const waits: number[] = [];
    await env.close();
    env = await startSandboxWithClient(
      {},
      {
        sleep: (ms) => {
          waits.push(ms);
          env.sandbox.setFaults({ rate429: 0 });
          return Promise.resolve();
        },
      },
    );
    env.sandbox.setFaults({ rate429: 1, retryAfterSeconds: 3 });
    const request = digitalOrder();
    await expect(env.client.createOrder(request)).resolves.toMatchObject({ ok: true });
    expect(waits).toEqual([3000]);
    await expectOneOrderPer(request.poNumber);
  });

  it.each([
    ['a 503', { error503: 1 }, 'created'],
    ['a 504 after the order was made', { timeoutAfterCreate: 1 }, 'duplicate'],
  ] as const)(
    'waits as long as Retry-After says on %s, within the longest backoff',
    async (_, fault, via) => {
      const waits: number[] = [];
      await env.close();
      env = await startSandboxWithClient(
        {},
        {
          retry: { maxAttempts: 5, baseDelayMs: 1, maxDelayMs: 30_000 },
          sleep: (ms) => {
            waits.push(ms);
            env.sandbox.setFaults({ error503: 0, timeoutAfterCreate: 0 });
            return Promise.resolve();
          },
        },
      );
      env.sandbox.setFaults({ ...fault, retryAfter5xx: 1, retryAfterSeconds: 3 });
      const request = digitalOrder();
      await expect(env.client.createOrder(request)).resolves.toMatchObject({ ok: true, value: { via } });
      expect(waits).toEqual([3000]);
      await expectOneOrderPer(request.poNumber);

      // Asked to wait longer than the longest backoff, it waits that long: an outage is the engine's to handle.
      waits.length = 0;
      env.sandbox.setFaults({ ...fault, retryAfter5xx: 1, retryAfterSeconds: 3_600 });
      await expect(env.client.createOrder(digitalOrder())).resolves.toMatchObject({ ok: true });
      expect(waits).toEqual([30_000]);
    },
  );

  it('gives up on a slow answer at its deadline, then finds the one order on retry', async () => {
    await env.close();
    env = await startSandboxWithClient(
      {},
      { timeouts: { orderMs: 150, productsMs: 5_000, defaultMs: 5_000 } },
    );
    const request = digitalOrder();
    env.faultFirstAttempt({ responseDelayMs: 600 });
    await expect(env.client.createOrder(request)).resolves.toMatchObject({ ok: true });
    await expectOneOrderPer(request.poNumber);
    expect(env.logRecords.some((record) => record.fields.result === 'timeout')).toBe(true);
  });

  it('answers 422 with the amounts, creates nothing and does not retry', async () => {
    await env.close();
    env = await startSandboxWithClient({ balanceCents: 500 });
    const request = digitalOrder();
    const placed = await env.client.createOrder(request);
    expect(placed).toMatchObject({ ok: false, error: { kind: 'insufficient_funds', availableCents: 500 } });
    if (!placed.ok && placed.error.kind === 'insufficient_funds')
      expect(placed.error.requiredCents).toBeGreaterThan(500);
    expect(await env.orders()).toEqual([]);
    expect((await env.stats()).orderCreateRequests).toBe(1);
  });

  it('returns the field errors of a 400 and does not retry', async () => {
    const request = {
      ...digitalOrder(),
      lines: [{ ...digitalOrder().lines[0], valueCents: 1 }],
    } as CreateOrderRequest;
    const placed = await env.client.createOrder(request);
    expect(placed).toMatchObject({ ok: false, error: { kind: 'invalid_request' } });
    if (!placed.ok && placed.error.kind === 'invalid_request') {
      expect(Object.keys(placed.error.fieldErrors).length).toBeGreaterThan(0);
    }
    expect((await env.stats()).orderCreateRequests).toBe(1);
  });

  it('refreshes an expired token once on a 401 and carries on', async () => {
    await env.close();
    let sandboxClock = Date.now();
    // The client's clock stands still, so it still trusts a token the sandbox has expired.
    const clientClock = Date.now();
    env = await startSandboxWithClient({ now: () => sandboxClock }, { now: () => clientClock });
    await expect(env.client.getBalance()).resolves.toMatchObject({ ok: true });
    sandboxClock += 3_601_000;
    await expect(env.client.getBalance()).resolves.toMatchObject({ ok: true });
    const requests = env.logRecords.map(
      (record) => `${String(record.fields.path)} ${String(record.fields.result)}`,
    );
    expect(requests).toEqual([
      'v1/Tokens 200',
      'v1/Balance 200',
      'v1/Balance 401',
      'v1/Tokens 200',
      'v1/Balance 200',
    ]);
  });

  it('reports 403 as forbidden, without retrying', async () => {
    await env.close();
    env = await startSandboxWithClient(
      {},
      {
        credentials: () => ({
          email: 'disabled@sandbox.giftbatch.app',
          accessToken: 'sandbox-demo-access-token',
        }),
      },
    );
    await expect(env.client.getBalance()).resolves.toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(env.logRecords.filter((record) => record.fields.path === 'v1/Tokens')).toHaveLength(1);
  });

  it('reports wrong credentials as unauthorized', async () => {
    await env.close();
    env = await startSandboxWithClient(
      {},
      { credentials: () => ({ email: 'demo@sandbox.giftbatch.app', accessToken: 'wrong' }) },
    );
    await expect(env.client.testCredentials()).resolves.toMatchObject({
      ok: false,
      error: { kind: 'unauthorized' },
    });
  });

  it('follows a pending order to completion and reads the claim links of a Links order', async () => {
    const links = products.find(
      (product) => product.deliveryTypes.includes('Links') && product.denominations.kind === 'fixed',
    );
    if (links?.denominations.kind !== 'fixed') throw new Error('no Links product');
    const request: CreateOrderRequest = {
      type: 'Links',
      poNumber: 'GB-links-1',
      lines: [{ productId: links.id, valueCents: links.denominations.valuesCents[0] ?? 0, quantity: 12 }],
    };
    const placed = await env.client.createOrder(request);
    if (!placed.ok) throw new Error(placed.error.message);
    expect(placed.value.order.status).toBe('pending');
    let order = placed.value.order;
    const deadline = Date.now() + 5_000;
    while (order.status === 'pending' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      const fetched = await env.client.getOrder(order.id);
      if (!fetched.ok) throw new Error(fetched.error.message);
      order = fetched.value;
    }
    expect(order.status).toBe('completed');
    expect(order.lines[0]?.claims).toHaveLength(12);
    expect(order.lines[0]?.claims[0]?.claimLink).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/claim\//);
  });

  it('never writes a token, access token or claim link to its log', async () => {
    await env.client.createOrder(digitalOrder());
    const logged = JSON.stringify(env.logRecords);
    expect(logged).not.toContain('sandbox-demo-access-token');
    expect(logged).not.toMatch(/Bearer/);
    expect(logged).not.toContain('/claim/');
  });
});
