import { afterEach, describe, expect, it } from 'vitest';
import { signedInSandbox } from '../support/sandbox-http.ts';

/** The order-side shapes a real provider might choose (docs/provider-api.md §13.8, §13.9), as the sandbox serves them. */
const sandbox = signedInSandbox({ completionDelayMs: { min: 50, max: 50 } });
afterEach(() => sandbox.close());
const { start, call } = sandbox;

const order = (poNumber: string, quantity = 1) => ({
  Type: 'Links',
  PONumber: poNumber,
  LineItems: [{ ProductId: 'NORTHWIND-COFFEE', Value: 10, Quantity: quantity }],
});

const idOf = (body: unknown): string => (body as { Id: string }).Id;

describe('a 409 names the original order where --conflict-id-field says', () => {
  it.each([
    ['Id', (id: string) => ({ Message: 'Duplicate PONumber', Id: id, PreviousOrderIds: [id] })],
    ['OrderId', (id: string) => ({ Message: 'Duplicate PONumber', OrderId: id })],
    ['ExistingOrderId', (id: string) => ({ Message: 'Duplicate PONumber', ExistingOrderId: id })],
    [
      'nested',
      (id: string) => ({
        Error: { Code: 'DuplicatePONumber', Message: 'Duplicate PONumber', ExistingOrder: { Id: id } },
      }),
    ],
    ['none', () => ({ Message: 'Duplicate PONumber' })],
  ] as const)('%s', async (conflictIdField, expected) => {
    await start({ orderDialect: { conflictIdField } });
    const first = await call('POST', '/v1/Orders', order('DUP-1'));
    expect(first.status).toBe(201);
    const again = await call('POST', '/v1/Orders', order('DUP-1'));
    expect(again).toEqual({ status: 409, body: expected(idOf(first.body)) });
  });
});

describe('status names and the PONumber echo', () => {
  it('writes orders and their lines under the names given, settling from one to another', async () => {
    await start({ orderDialect: { statusNames: { Pending: 'Xyz', Completed: 'Shipped' } } });
    const created = await call('POST', '/v1/Orders', order('NAMES-1', 20));
    expect(created.body).toMatchObject({ Status: 'Xyz', LineItems: [{ Status: 'Xyz' }] });
    await expect
      .poll(async () => (await call('GET', `/v1/Orders/${idOf(created.body)}`)).body)
      .toMatchObject({ Status: 'Shipped', LineItems: [{ Status: 'Shipped' }] });
    // The admin routes keep the sandbox's own names.
    const admin: unknown = await (await fetch(`${sandbox.url}/_sim/orders`)).json();
    expect(admin).toMatchObject([{ Status: 'Completed' }]);
  });

  it('leaves PONumber out of orders with echoPoNumber off, in the list too', async () => {
    await start({ orderDialect: { echoPoNumber: false } });
    const created = await call('POST', '/v1/Orders', order('QUIET-1'));
    expect(created.body).not.toHaveProperty('PONumber');
    const listed = await call('GET', '/v1/Orders');
    expect(listed.body).toMatchObject({ TotalCount: 1, Data: [{ Id: idOf(created.body) }] });
    expect((listed.body as { Data: object[] }).Data[0]).not.toHaveProperty('PONumber');
  });

  it('refuses a dialect it does not know, naming the setting', async () => {
    await expect(start({ orderDialect: { conflictIdField: 'Elsewhere' as 'none' } })).rejects.toThrow(
      /conflictIdField/,
    );
  });
});

describe('Retry-After on 503 and 504', () => {
  it('comes with a 503 and a 504 as often as retryAfter5xx says', async () => {
    const running = await start({ faults: { retryAfterSeconds: 4 } });
    running.setFaults({ error503: 1, retryAfter5xx: 1 });
    const unavailable = await sandbox.request('GET', '/v1/Balance');
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get('retry-after')).toBe('4');
    running.setFaults({ error503: 0, timeoutAfterCreate: 1 });
    const lost = await sandbox.request('POST', '/v1/Orders', { body: order('LOST-1') });
    expect(lost.status).toBe(504);
    expect(lost.headers.get('retry-after')).toBe('4');
    running.setFaults({ timeoutAfterCreate: 0, retryAfter5xx: 0, error503: 1 });
    expect((await sandbox.request('GET', '/v1/Balance')).headers.get('retry-after')).toBeNull();
  });
});
