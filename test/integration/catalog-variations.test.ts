import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createGcpClient } from '../../main/api/gcp-client.ts';
import { listOrdersWhere } from '../../main/api/list-orders.ts';
import { createLogger } from '../../main/logging/logger.ts';
import { catalogSeed } from '../../main/sandbox/catalog-seed.ts';
import { listEnvelopes, listTotals, type ProviderVariations } from '../../main/sandbox/sandbox-options.ts';
import { recipientRows } from '../support/engine-harness.ts';
import { startSandboxWithClient, type SandboxUnderTest } from '../support/start-sandbox.ts';
import { useEngineHarness } from '../support/use-engine-harness.ts';

const seedIds = catalogSeed.map((product) => product.id);

let running: SandboxUnderTest | undefined;
let stranger: Server | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
  stranger?.close();
  stranger = undefined;
});

const strictSandbox = async (variations: Partial<ProviderVariations>) => {
  running = await startSandboxWithClient({ variations: { strict: true, ...variations } });
  return running;
};

const productRequests = async (sandbox: SandboxUnderTest): Promise<number> => {
  const response = await fetch(`${sandbox.sandbox.url}/_sim/stats`);
  const stats = (await response.json()) as { requestsByRoute: Record<string, number> };
  return stats.requestsByRoute['GET /v1/Products'] ?? 0;
};

describe('the catalog read in full from a strict provider, in every list variation (docs/provider-api.md §13.19)', () => {
  const cases = listEnvelopes.flatMap((listEnvelope) =>
    ([0, 1] as const).flatMap((pageBase) =>
      [undefined, 10].map((pageCap) => ({ listEnvelope, pageBase, pageCap })),
    ),
  );

  it.each(cases)('envelope $listEnvelope, page base $pageBase, page cap $pageCap', async (variations) => {
    const sandbox = await strictSandbox(variations);
    const products = await sandbox.client.listProducts();
    expect(products.ok && products.value.map((product) => product.id)).toEqual(seedIds);
  });

  it.each(listTotals)('with the total as %s', async (listTotal) => {
    const sandbox = await strictSandbox({ listTotal, pageCap: 5, pageBase: 0 });
    const products = await sandbox.client.listProducts();
    expect(products.ok && products.value.map((product) => product.id)).toEqual(seedIds);
  });

  it('stops on the total when the provider gives one, without asking for a page past it', async () => {
    const sandbox = await strictSandbox({ pageCap: 10 });
    await sandbox.client.listProducts();
    // Page 0 (refused: pages count from 1), then pages 1–3 of 10, 10 and the last few.
    expect(await productRequests(sandbox)).toBe(4);
  });

  it('reads the orders list the same way, for reconcile', async () => {
    const sandbox = await strictSandbox({ pageBase: 0, listEnvelope: 'Products', listTotal: 'none' });
    for (let index = 1; index <= 25; index += 1) {
      const placed = await sandbox.client.createOrder({
        type: 'Links',
        poNumber: `LIST-${String(index)}`,
        lines: [{ productId: 'NORTHWIND-COFFEE', valueCents: 1000, quantity: 1 }],
      });
      expect(placed.ok).toBe(true);
    }
    await running?.close();
    running = undefined;
    // The same orders cannot move to a new sandbox, so the cap is shown with a fresh one below.
    const capped = await strictSandbox({ pageBase: 0, listEnvelope: 'Items', pageCap: 10 });
    for (let index = 1; index <= 25; index += 1) {
      await capped.client.createOrder({
        type: 'Links',
        poNumber: `CAP-${String(index)}`,
        lines: [{ productId: 'NORTHWIND-COFFEE', valueCents: 1000, quantity: 1 }],
      });
    }
    const orders = await listOrdersWhere(
      capped.client,
      () => true,
      () => Promise.resolve(),
    );
    expect(orders.ok && orders.value.map((order) => order.poNumber).sort()).toEqual(
      Array.from({ length: 25 }, (_, index) => `CAP-${String(index + 1)}`).sort(),
    );
  });
});

describe('variable-value products in each shape', () => {
  it.each(['pair', 'minmax', 'restrictions'] as const)('reads the range from %s', async (variableShape) => {
    const sandbox = await strictSandbox({ variableShape });
    const products = await sandbox.client.listProducts();
    if (!products.ok) throw new Error(products.error.message);
    expect(products.value.find((product) => product.id === 'TRAILMARK-OUTFITTERS')?.denominations).toEqual({
      kind: 'variable',
      minCents: 500,
      maxCents: 50_000,
    });
    expect(products.value.find((product) => product.id === 'NORTHWIND-COFFEE')?.denominations).toEqual({
      kind: 'fixed',
      valuesCents: [1_000, 2_500, 5_000],
    });
  });

  it('keeps a product whose range is not stated, marked unreadable with the reason', async () => {
    const sandbox = await strictSandbox({ variableShape: 'none' });
    const products = await sandbox.client.listProducts();
    if (!products.ok) throw new Error(products.error.message);
    expect(products.value.map((product) => product.id)).toEqual(seedIds);
    const trailmark = products.value.find((product) => product.id === 'TRAILMARK-OUTFITTERS');
    expect(trailmark?.denominations).toEqual({
      kind: 'unreadable',
      problem: expect.stringContaining('DenominationType is Variable but no range is stated') as unknown,
    });
  });
});

/** A provider answering GET /v1/Products with `body`, counting the requests. */
const startStranger = async (body: unknown) => {
  let productRequestCount = 0;
  stranger = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/v1/Products') productRequestCount += 1;
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(url.pathname === '/v1/Tokens' ? { Value: 'token', ExpiresIn: 3600 } : body));
  });
  await new Promise<void>((resolve) => stranger?.listen(0, '127.0.0.1', resolve));
  const client = createGcpClient({
    baseUrl: `http://127.0.0.1:${String((stranger.address() as AddressInfo).port)}`,
    credentials: () => ({ email: 'a@b.c', accessToken: 't' }),
    logger: createLogger(() => undefined),
    balanceSupported: false,
  });
  return { client, productRequests: () => productRequestCount };
};

describe('a list the client does not understand', () => {
  it('is refused at once, not retried as a network failure, naming what was found and expected', async () => {
    const { client, productRequests: count } = await startStranger({
      Rows: [{ Id: 'CVS', Name: 'CVS' }],
      RowCount: 1,
    });
    const products = await client.listProducts();
    expect(products).toEqual({
      ok: false,
      error: {
        kind: 'unsupported_response',
        message:
          "The provider's answer to GET /v1/Products (pageIndex 0) was not understood: expected a JSON array, or an object holding the list in Data, Items, Results, Value, Records, Products; found an object with rows, rowcount.",
      },
    });
    expect(count()).toBe(1);
  });

  it('names the item and the field that could not be read', async () => {
    const { client } = await startStranger({
      Data: [
        { Id: 'CVS', Name: 'CVS' },
        { Id: 7, Name: 'Seven' },
      ],
    });
    const products = await client.listProducts();
    expect(products.ok || products.error.message).toContain(
      'item 2 of the page: Id: Invalid input: expected string, received number',
    );
  });

  it('refuses a catalog whose total does not match what was read', async () => {
    const { client } = await startStranger({ TotalCount: 30, Items: [{ Id: 'CVS', Name: 'CVS' }] });
    const products = await client.listProducts();
    expect(products).toMatchObject({ ok: false, error: { kind: 'unsupported_response' } });
    expect(products.ok || products.error.message).toContain("the provider's total says 30 but 1 were listed");
  });
});

describe('validate and send against the strict sandbox', () => {
  const engines = useEngineHarness();

  it('sends fixed and variable-value rows from a catalog paged from 0 in Items, capped at 10', async () => {
    const harness = await engines.start({
      sandbox: {
        variations: {
          strict: true,
          pageBase: 0,
          listEnvelope: 'Items',
          pageCap: 10,
          variableShape: 'minmax',
        },
      },
    });
    const rows = [
      ...recipientRows(3),
      { ...recipientRows(1, 'variable')[0], product_id: 'TRAILMARK-OUTFITTERS', amount: '42.50' },
    ];
    const review = await harness.service.review(harness.source(rows), new Set());
    if (!review.ok) throw new Error(review.error.message);
    expect(review.value.errors).toEqual([]);
    const batchId = await harness.commitBatch(rows);
    const result = await harness.engine.run(batchId);
    expect(result.ok && result.value.status).toBe('completed');
    const orders = await harness.sandbox.orders();
    expect(orders).toHaveLength(4);
  });

  it('refuses at review a row whose product states no readable amounts, saying so', async () => {
    const harness = await engines.start({ sandbox: { variations: { strict: true, variableShape: 'none' } } });
    const rows = [{ ...recipientRows(1)[0], product_id: 'TRAILMARK-OUTFITTERS', amount: '42.50' }];
    const review = await harness.service.review(harness.source(rows), new Set());
    if (!review.ok) throw new Error(review.error.message);
    expect(review.value.errors.map((finding) => finding.message)).toEqual([
      expect.stringContaining('could not read') as unknown,
    ]);
    expect(review.value.errors[0]?.message).not.toContain('no amounts on offer');
  });
});
