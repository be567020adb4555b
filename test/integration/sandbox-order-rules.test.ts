import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { signedInSandbox } from '../support/sandbox-http.ts';

/** Asymmetric matchers are `any` to the type checker; as `unknown` they can sit in expected objects. */
const anyString: unknown = expect.any(String);
const containing = (expected: Record<string, unknown>): unknown => expect.objectContaining(expected);

const sandbox = signedInSandbox();
const { start, simOrders } = sandbox;
beforeEach(() => start());
afterEach(() => sandbox.close());

/** `bearer` null sends no Authorization header; by default the signed-in token goes. */
const postOrder = async (body: unknown, bearer?: string | null) => {
  const response = await sandbox.request('POST', '/v1/Orders', { body, bearer });
  return { status: response.status, body: (await response.json()) as unknown };
};

type Line = Record<string, unknown>;
const digitalLine: Line = {
  ProductId: 'NORTHWIND-COFFEE',
  Value: 25,
  Quantity: 1,
  DigitalDeliveryAddress: { Email: 'pat@example.org' },
};
const physicalAddress = {
  ShippingMethodId: 'STANDARD',
  CarrierId: 'DEFAULT',
  Name: 'Pat Doe',
  AddressLine1: '1 Example Way',
  City: 'Springfield',
  State: 'IL',
  Zip: '62701',
  Country: 'US',
};
const physicalLine: Line = {
  ProductId: 'MAPLEWOOD-HOME',
  Value: 50,
  Quantity: 1,
  PhysicalDeliveryAddress: physicalAddress,
};
const order = (type: string, line: Line, extra: Record<string, unknown> = {}) => ({
  Type: type,
  PONumber: 'PO-1',
  LineItems: [line],
  ...extra,
});
const digital = (changes: Line) => order('DigitalDelivery', { ...digitalLine, ...changes });
const physical = (address: Record<string, unknown>) =>
  order('PhysicalShipment', { ...physicalLine, PhysicalDeliveryAddress: address });
const withoutField = (field: string) =>
  Object.fromEntries(Object.entries(physicalAddress).filter(([key]) => key !== field));

describe('400: every rule of docs/provider-api.md §13.6', () => {
  it.each<[string, unknown, string]>([
    ['Type missing', { PONumber: 'PO-1', LineItems: [digitalLine] }, 'Type'],
    ['Type not in the enum', order('Email', digitalLine), 'Type'],
    ['Type in the wrong casing', order('links', digitalLine), 'Type'],
    ['LineItems missing', { Type: 'DigitalDelivery', PONumber: 'PO-1' }, 'LineItems'],
    ['LineItems empty', { Type: 'DigitalDelivery', PONumber: 'PO-1', LineItems: [] }, 'LineItems'],
    ['PONumber missing', { Type: 'DigitalDelivery', LineItems: [digitalLine] }, 'PONumber'],
    ['PONumber blank', order('DigitalDelivery', digitalLine, { PONumber: '   ' }), 'PONumber'],
    ['ProductId missing', digital({ ProductId: undefined }), 'LineItems[0].ProductId'],
    ['ProductId unknown', digital({ ProductId: 'NO-SUCH-PRODUCT' }), 'LineItems[0].ProductId'],
    ['ProductId in the wrong casing', digital({ ProductId: 'northwind-coffee' }), 'LineItems[0].ProductId'],
    [
      'delivery type not offered by the product',
      order('Links', { ...digitalLine, ProductId: 'BLUEHERON-BOOKS', Value: 25 }),
      'LineItems[0].ProductId',
    ],
    [
      'a physical product sent digitally',
      digital({ ProductId: 'MAPLEWOOD-HOME', Value: 50 }),
      'LineItems[0].ProductId',
    ],
    ['Value missing', digital({ Value: undefined }), 'LineItems[0].Value'],
    ['Value not a number', digital({ Value: '25' }), 'LineItems[0].Value'],
    ['Value not a fixed denomination', digital({ Value: 30 }), 'LineItems[0].Value'],
    [
      'Value below a variable range',
      digital({ ProductId: 'TRAILMARK-OUTFITTERS', Value: 4.99 }),
      'LineItems[0].Value',
    ],
    [
      'Value above a variable range',
      digital({ ProductId: 'TRAILMARK-OUTFITTERS', Value: 500.01 }),
      'LineItems[0].Value',
    ],
    [
      'Value with sub-cent digits',
      digital({ ProductId: 'TRAILMARK-OUTFITTERS', Value: 25.005 }),
      'LineItems[0].Value',
    ],
    ['Value zero', digital({ ProductId: 'TRAILMARK-OUTFITTERS', Value: 0 }), 'LineItems[0].Value'],
    ['Quantity 0', digital({ Quantity: 0 }), 'LineItems[0].Quantity'],
    ['Quantity negative', digital({ Quantity: -2 }), 'LineItems[0].Quantity'],
    ['Quantity fractional', digital({ Quantity: 1.5 }), 'LineItems[0].Quantity'],
    [
      'DigitalDelivery without an address',
      digital({ DigitalDeliveryAddress: undefined }),
      'LineItems[0].DigitalDeliveryAddress',
    ],
    [
      'DigitalDelivery with neither Email nor Sms',
      digital({ DigitalDeliveryAddress: { Email: '', Sms: ' ' } }),
      'LineItems[0].DigitalDeliveryAddress',
    ],
    [
      'a malformed email',
      digital({ DigitalDeliveryAddress: { Email: 'pat@' } }),
      'LineItems[0].DigitalDeliveryAddress.Email',
    ],
    [
      'an email with spaces',
      digital({ DigitalDeliveryAddress: { Email: 'pat doe@example.org' } }),
      'LineItems[0].DigitalDeliveryAddress.Email',
    ],
    [
      'an SMS number without +',
      digital({ DigitalDeliveryAddress: { Sms: '15551230000' } }),
      'LineItems[0].DigitalDeliveryAddress.Sms',
    ],
    [
      'an SMS number of 7 digits',
      digital({ DigitalDeliveryAddress: { Sms: '+1234567' } }),
      'LineItems[0].DigitalDeliveryAddress.Sms',
    ],
    [
      'an SMS number of 16 digits',
      digital({ DigitalDeliveryAddress: { Sms: '+1234567890123456' } }),
      'LineItems[0].DigitalDeliveryAddress.Sms',
    ],
    [
      'an SMS number with spaces',
      digital({ DigitalDeliveryAddress: { Sms: '+1 555 123 0000' } }),
      'LineItems[0].DigitalDeliveryAddress.Sms',
    ],
    [
      'PhysicalShipment without an address',
      order('PhysicalShipment', { ...physicalLine, PhysicalDeliveryAddress: undefined }),
      'LineItems[0].PhysicalDeliveryAddress',
    ],
    ...(['Name', 'AddressLine1', 'City', 'State', 'Zip', 'Country', 'ShippingMethodId'] as const).map(
      (field): [string, unknown, string] => [
        `PhysicalShipment without ${field}`,
        physical(withoutField(field)),
        `LineItems[0].PhysicalDeliveryAddress.${field}`,
      ],
    ),
    [
      'PhysicalShipment with a blank City',
      physical({ ...physicalAddress, City: ' ' }),
      'LineItems[0].PhysicalDeliveryAddress.City',
    ],
    [
      'an unknown ShippingMethodId',
      physical({ ...physicalAddress, ShippingMethodId: 'OVERNIGHT' }),
      'LineItems[0].PhysicalDeliveryAddress.ShippingMethodId',
    ],
    [
      'a second line that is invalid',
      { ...digital({}), LineItems: [digitalLine, { ...digitalLine, Value: 11 }] },
      'LineItems[1].Value',
    ],
  ])('%s', async (_rule, body, field) => {
    const answer = await postOrder(body);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      Message: anyString,
      Errors: containing({ [field]: [anyString] }),
    });
    expect(await simOrders()).toEqual([]);
  });

  it.each([
    ['a body that is not JSON', '{"Type": "Links",'],
    ['an empty body', ''],
    ['a JSON array', '[]'],
    ['a JSON string', '"order"'],
  ])('400 for %s', async (_case, body) => {
    await expect(postOrder(body)).resolves.toMatchObject({
      status: 400,
      body: { Message: anyString },
    });
  });

  it('413 for a body over 1 MiB', async () => {
    const answer = await postOrder({ ...digital({}), Note: 'x'.repeat(1024 * 1024) });
    expect(answer).toEqual({ status: 413, body: { Message: anyString } });
  });

  it('accepts the edges of the rules', async () => {
    const accepted = [
      digital({ DigitalDeliveryAddress: { Sms: '+12345678' } }),
      digital({ DigitalDeliveryAddress: { Sms: '+123456789012345' } }),
      digital({ DigitalDeliveryAddress: { Email: 'first.last+tag@sub.example.co.uk', Sms: '' } }),
      digital({ ProductId: 'TRAILMARK-OUTFITTERS', Value: 5 }),
      digital({ ProductId: 'TRAILMARK-OUTFITTERS', Value: 500 }),
      digital({ ProductId: 'TRAILMARK-OUTFITTERS', Value: 37.25 }),
      order('Links', { ProductId: 'NORTHWIND-COFFEE', Value: 10, Quantity: 2 }),
      physical({ ...physicalAddress, CarrierId: undefined }),
    ];
    for (const [index, body] of accepted.entries()) {
      const answer = await postOrder({ ...body, PONumber: `edge-${index}` });
      expect({ index, status: answer.status }).toEqual({ index, status: 201 });
    }
  });
});

describe('409: duplicate PONumber', () => {
  it('answers with the original Id even when the payload differs, and creates nothing more', async () => {
    const first = await postOrder(digital({}));
    const originalId = z.object({ Id: z.string() }).parse(first.body).Id;
    const retry = await postOrder(order('Links', { ProductId: 'CLOUDBERRY-MUSIC', Value: 30, Quantity: 4 }));
    expect(retry).toEqual({
      status: 409,
      body: { Message: 'Duplicate PONumber', Id: originalId, PreviousOrderIds: [originalId] },
    });
    expect((await simOrders()).map((item) => item.Id)).toEqual([originalId]);
  });

  it('matches PONumbers exactly, case-sensitively', async () => {
    expect((await postOrder({ ...digital({}), PONumber: 'po-1' })).status).toBe(201);
    expect((await postOrder({ ...digital({}), PONumber: 'PO-1' })).status).toBe(201);
    expect((await postOrder({ ...digital({}), PONumber: 'PO-1 ' })).status).toBe(201);
    expect((await postOrder({ ...digital({}), PONumber: 'PO-1' })).status).toBe(409);
  });
});

describe('422: insufficient funds', () => {
  it('reports Available and Required and creates nothing', async () => {
    await sandbox.close();
    await start({ balanceCents: 5_000 });
    const answer = await postOrder(digital({ Value: 50, Quantity: 2 }));
    expect(answer).toEqual({
      status: 422,
      body: { Message: 'Insufficient funds', Available: 50, Required: 97.5 },
    });
    expect(await simOrders()).toEqual([]);
    const stats = z
      .object({ orderCreateRequests: z.number(), ordersCreated: z.number() })
      .parse(await sandbox.simStats());
    expect(stats).toEqual({ orderCreateRequests: 1, ordersCreated: 0 });
    // Exactly the balance is enough.
    expect((await postOrder(digital({ ProductId: 'TRAILMARK-OUTFITTERS', Value: 49.5 }))).status).toBe(201);
  });
});

describe('the check order: auth → duplicate → validation → funds → create', () => {
  it('checks the token before anything else', async () => {
    await postOrder(digital({}));
    await expect(postOrder(digital({}), null)).resolves.toMatchObject({ status: 401 });
    await expect(postOrder('not json', 'bogus')).resolves.toMatchObject({ status: 401 });
  });

  it('answers a duplicate PONumber with 409 even when the body is invalid', async () => {
    await postOrder(digital({}));
    await expect(
      postOrder(digital({ Value: 'lots', DigitalDeliveryAddress: undefined })),
    ).resolves.toMatchObject({ status: 409 });
  });

  it('answers an invalid body with 400 even when funds are short', async () => {
    await sandbox.close();
    await start({ balanceCents: 0 });
    await expect(postOrder(digital({ Quantity: 0 }))).resolves.toMatchObject({ status: 400 });
    await expect(postOrder(digital({}))).resolves.toMatchObject({ status: 422 });
  });
});
