import { afterEach, describe, expect, it } from 'vitest';
import { demoCredentials } from '../../main/sandbox/demo-credentials.ts';
import { signedInSandbox } from '../support/sandbox-http.ts';

/** Asymmetric matchers are `any` to the type checker; as `unknown` they can sit in expected objects. */
const anyString: unknown = expect.any(String);

const sandbox = signedInSandbox();
afterEach(() => sandbox.close());

const linksOrder = (poNumber: string) => ({
  Type: 'Links',
  PONumber: poNumber,
  LineItems: [{ ProductId: 'NORTHWIND-COFFEE', Value: 10, Quantity: 1 }],
});

const ids = (items: unknown): string[] => {
  if (!Array.isArray(items)) throw new Error(`not a list: ${JSON.stringify(items)}`);
  return items.map((item: { Id: string }) => item.Id);
};

describe('the strict sandbox (docs/provider-api.md §13.19)', () => {
  it('routes only the documented path case; the default sandbox routes any case', async () => {
    await sandbox.start({ variations: { strict: true } });
    expect((await sandbox.call('GET', '/v1/Products')).status).toBe(200);
    expect((await sandbox.call('GET', '/v1/products')).status).toBe(404);
    expect((await sandbox.call('GET', '/V1/ShippingMethods')).status).toBe(404);
    await sandbox.close();
    await sandbox.start();
    expect((await sandbox.call('GET', '/v1/products')).status).toBe(200);
  });

  it('refuses a body key in another case than documented, naming it; the default sandbox reads it', async () => {
    await sandbox.start({ variations: { strict: true } });
    const camel = {
      type: 'Links',
      PONumber: 'strict-1',
      LineItems: [{ productId: 'NORTHWIND-COFFEE', Value: 10, Quantity: 1, extra: true }],
    };
    await expect(sandbox.call('POST', '/v1/Orders', camel)).resolves.toEqual({
      status: 400,
      body: {
        Message: anyString,
        Errors: {
          type: ['Property names are case-sensitive: expected "Type".'],
          'LineItems[0].productId': ['Property names are case-sensitive: expected "ProductId".'],
          'LineItems[0].extra': ['Property names are PascalCase.'],
        },
      },
    });
    expect(await sandbox.simOrders()).toEqual([]);
    expect((await sandbox.call('POST', '/v1/Orders', linksOrder('strict-2'))).status).toBe(201);
    await sandbox.close();
    await sandbox.start();
    expect((await sandbox.call('POST', '/v1/Orders', camel)).status).toBe(201);
  });

  it('takes numbers only as JSON numbers', async () => {
    await sandbox.start({ variations: { strict: true } });
    const order = linksOrder('strict-3');
    const asText = { ...order, LineItems: [{ ...order.LineItems[0], Value: '10' }] };
    const { status, body } = await sandbox.call('POST', '/v1/Orders', asText);
    expect(status).toBe(400);
    expect(body).toMatchObject({ Errors: { 'LineItems[0].Value': [anyString] } });
  });

  it('accepts the account credentials on /v1/Tokens only, and bodies only as JSON', async () => {
    await sandbox.start({ variations: { strict: true } });
    const withCredentials = await fetch(`${sandbox.url}/v1/Products`, {
      headers: { authorization: `Bearer ${sandbox.token}`, ...demoCredentials },
    });
    expect(withCredentials.status).toBe(400);
    await expect(withCredentials.json()).resolves.toEqual({
      Message: 'The Email and AccessToken headers are accepted on POST /v1/Tokens only.',
    });
    const asText = await fetch(`${sandbox.url}/v1/Orders`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sandbox.token}`, 'content-type': 'text/plain' },
      body: JSON.stringify(linksOrder('strict-4')),
    });
    expect(asText.status).toBe(415);
    expect(await sandbox.simOrders()).toEqual([]);
  });
});

describe('the provider variations of docs/provider-api.md §13.19', () => {
  it('pages from 0 with --page-base 0: page 0 is the first, below it is refused', async () => {
    await sandbox.start();
    const oneBased = await sandbox.call('GET', '/v1/Products?pageIndex=1&pageSize=5');
    await sandbox.close();
    await sandbox.start({ variations: { pageBase: 0 } });
    const first = await sandbox.call('GET', '/v1/Products?pageIndex=0&pageSize=5');
    expect(first.body).toMatchObject({ Page: 0, PageSize: 5 });
    expect(ids((first.body as { Data: unknown }).Data)).toEqual(
      ids((oneBased.body as { Data: unknown }).Data),
    );
    const unasked = await sandbox.call('GET', '/v1/Products?pageSize=5');
    expect(unasked.body).toEqual(first.body);
    expect((await sandbox.call('GET', '/v1/Products?pageIndex=-1')).status).toBe(400);
  });

  it('caps every page at --page-cap items, whatever pageSize asks', async () => {
    await sandbox.start({ variations: { pageCap: 10 } });
    const { body } = await sandbox.call('GET', '/v1/Products?pageSize=500');
    expect(body).toMatchObject({ PageSize: 10 });
    expect(ids((body as { Data: unknown }).Data)).toHaveLength(10);
  });

  it.each([
    ['Items', 'Items', 'Items'],
    ['Results', 'Results', 'Results'],
    ['Value', 'Value', 'Value'],
    ['Products', 'Products', 'Orders'],
  ] as const)('puts both lists under %s', async (listEnvelope, productsField, ordersField) => {
    await sandbox.start({ variations: { listEnvelope } });
    await sandbox.call('POST', '/v1/Orders', linksOrder('envelope-1'));
    const products = (await sandbox.call('GET', '/v1/Products')).body as Record<string, unknown>;
    expect(Object.keys(products).sort()).toEqual(['Page', 'PageSize', productsField, 'TotalCount'].sort());
    expect(ids(products[productsField])).toHaveLength(products.TotalCount as number);
    const orders = (await sandbox.call('GET', '/v1/Orders')).body as Record<string, unknown>;
    expect(orders).toMatchObject({ TotalCount: 1 });
    expect(ids(orders[ordersField])).toHaveLength(1);
  });

  it('sends bare arrays with --list-envelope none, and renames or drops the total', async () => {
    await sandbox.start({ variations: { listEnvelope: 'none', pageCap: 10 } });
    const bare = (await sandbox.call('GET', '/v1/Products?pageSize=500')).body;
    expect(ids(bare)).toHaveLength(10);
    await sandbox.close();
    await sandbox.start({ variations: { listTotal: 'Total' } });
    expect(Object.keys((await sandbox.call('GET', '/v1/Products')).body as object).sort()).toEqual([
      'Data',
      'Page',
      'PageSize',
      'Total',
    ]);
    await sandbox.close();
    await sandbox.start({ variations: { listTotal: 'none' } });
    expect(Object.keys((await sandbox.call('GET', '/v1/Products')).body as object).sort()).toEqual([
      'Data',
      'Page',
      'PageSize',
    ]);
  });

  it.each([
    ['pair', { Denominations: [5, 500] }],
    ['minmax', { Denominations: [], MinValue: 5, MaxValue: 500 }],
    ['restrictions', { Denominations: [], ValueRestrictions: { MinValue: 5, MaxValue: 500 } }],
    ['none', { Denominations: [] }],
  ] as const)(
    'states a variable range as %s; fixed products keep their list',
    async (variableShape, amounts) => {
      await sandbox.start({ variations: { variableShape } });
      const variable = (await sandbox.call('GET', '/v1/Products/TRAILMARK-OUTFITTERS')).body as Record<
        string,
        unknown
      >;
      expect(variable).toMatchObject({ DenominationType: 'Variable', ...amounts });
      for (const absent of ['MinValue', 'MaxValue', 'ValueRestrictions']) {
        if (!(absent in amounts)) expect(variable).not.toHaveProperty(absent);
      }
      const fixed = (await sandbox.call('GET', '/v1/Products/NORTHWIND-COFFEE')).body;
      expect(fixed).toMatchObject({ DenominationType: 'Fixed', Denominations: [10, 25, 50] });
      expect(fixed).not.toHaveProperty('MinValue');
    },
  );

  it('still validates orders for a variable product against its range, whatever the shape', async () => {
    await sandbox.start({ variations: { variableShape: 'none', strict: true } });
    const order = (value: number, poNumber: string) => ({
      Type: 'DigitalDelivery',
      PONumber: poNumber,
      LineItems: [
        {
          ProductId: 'TRAILMARK-OUTFITTERS',
          Value: value,
          Quantity: 1,
          DigitalDeliveryAddress: { Email: 'pat@example.org' },
        },
      ],
    });
    expect((await sandbox.call('POST', '/v1/Orders', order(42.5, 'range-1'))).status).toBe(201);
    expect((await sandbox.call('POST', '/v1/Orders', order(501, 'range-2'))).status).toBe(400);
  });
});
