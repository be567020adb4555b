import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { centsToDecimal, lineCostCents } from '../../common/money.ts';
import { signedInSandbox } from '../support/sandbox-http.ts';

/** Asymmetric matchers are `any` to the type checker; as `unknown` they can sit in expected objects. */
const anyString: unknown = expect.any(String);
const matching = (pattern: RegExp): unknown => expect.stringMatching(pattern);

const sandbox = signedInSandbox();
beforeEach(() => sandbox.start());
afterEach(() => sandbox.close());

const { call } = sandbox;
const placeOrder = (body: unknown) => call('POST', '/v1/Orders', body);

/** An order line of `Quantity` cards of `ProductId` at `Value`, addressed to `Email`. */
const emailedLine = (ProductId: string, Value: number, Quantity: number, Email: string) => ({
  ProductId,
  Value,
  Quantity,
  DigitalDeliveryAddress: { Email },
});
const idPattern = (prefix: string) => matching(new RegExp(`^${prefix}_[0-9a-f]{16}$`));
const isoDate = matching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
const orderId = (body: unknown) => z.object({ Id: z.string() }).parse(body).Id;
const availableBalance = async () =>
  z.object({ Available: z.number() }).parse((await call('GET', '/v1/Balance')).body).Available;

describe('POST /v1/Orders creates orders of each delivery type', () => {
  it('DigitalDelivery: echoes the recipient and personalization, Cost from lineCostCents, debits Available', async () => {
    const personalization = {
      To: 'Pat',
      FromName: 'Acme Rewards',
      FromEmail: 'rewards@acme.example',
      Message: 'Thanks!',
      DeliveryDate: '2025-01-02T09:00:00Z',
    };
    const answer = await placeOrder({
      Type: 'DigitalDelivery',
      PONumber: 'ACME-2024-000123',
      Note: 'Q3 thank-you',
      LineItems: [
        {
          ProductId: 'NORTHWIND-COFFEE',
          Value: 25.0,
          Quantity: 3,
          ExternalId: 'row-7',
          Culture: 'fr',
          DigitalDeliveryAddress: { Email: 'pat@example.org', Sms: '+15551230000' },
          Personalization: personalization,
        },
      ],
      WebhookSettings: { FulfillmentComplete: 'https://client.example/hooks/gcp' },
    });
    const cost = centsToDecimal(lineCostCents(2_500, 3, { feeCents: 0, discountPercentage: 2.5 }));
    expect(cost).toBe(73.14);
    expect(answer).toEqual({
      status: 201,
      body: {
        Id: idPattern('ord'),
        PONumber: 'ACME-2024-000123',
        Type: 'DigitalDelivery',
        Status: 'Completed',
        Note: 'Q3 thank-you',
        CreatedDate: isoDate,
        LineItems: [
          {
            Id: idPattern('li'),
            ProductId: 'NORTHWIND-COFFEE',
            ExternalId: 'row-7',
            Value: 25,
            Quantity: 3,
            Cost: cost,
            Status: 'Completed',
            Culture: 'fr',
            Personalization: personalization,
            DigitalDeliveryAddress: { Email: 'pat@example.org', Sms: '+15551230000' },
            PhysicalDeliveryAddress: null,
            ClaimData: [],
          },
        ],
      },
    });
    await expect(availableBalance()).resolves.toBe(10_000 - cost);
  });

  it('Links: one claim link per card, ignoring any address given, each opening a claim page', async () => {
    const answer = await placeOrder({
      Type: 'Links',
      PONumber: 'ACME-LINKS-42',
      LineItems: [emailedLine('TIDEPOOL-SPA', 50, 5, 'x@example.org')],
    });
    expect(answer.status).toBe(201);
    const cost = centsToDecimal(lineCostCents(5_000, 5, { feeCents: 295, discountPercentage: 0 }));
    expect(answer.body).toMatchObject({
      Type: 'Links',
      Status: 'Completed',
      Note: null,
      LineItems: [
        {
          Value: 50,
          Quantity: 5,
          Cost: cost,
          Culture: 'en-US',
          Personalization: null,
          DigitalDeliveryAddress: null,
          PhysicalDeliveryAddress: null,
        },
      ],
    });
    const claims = z
      .object({ LineItems: z.array(z.object({ ClaimData: z.array(z.record(z.string(), z.unknown())) })) })
      .parse(answer.body).LineItems[0]?.ClaimData;
    expect(claims).toHaveLength(5);
    for (const claim of claims ?? []) {
      expect(claim).toEqual({
        Id: idPattern('cd'),
        ClaimLink: matching(new RegExp(`^${sandbox.url}/claim/[\\w-]{20,}$`)),
        ClaimLinkChallengeAnswer: matching(/^\d{4}$/),
        BarcodePath: null,
        BarcodeType: null,
      });
    }
    expect(new Set(claims?.map((claim) => claim.ClaimLink)).size).toBe(5);
    const page = await fetch(String(claims?.[0]?.ClaimLink));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('Tidepool Spa eGift Card');
    expect(html).toContain('$50.00');
    expect((await fetch(`${sandbox.url}/claim/not-a-real-token`)).status).toBe(404);
  });

  it('PhysicalShipment: echoes the postal address, no claim data', async () => {
    const address = {
      ShippingMethodId: 'EXPEDITED',
      CarrierId: 'DEFAULT',
      Name: 'Pat Doe',
      AddressLine1: '1 Example Way',
      AddressLine2: 'Suite 4',
      City: 'Springfield',
      State: 'IL',
      Zip: '62701',
      Country: 'US',
    };
    const answer = await placeOrder({
      Type: 'PhysicalShipment',
      PONumber: 'ACME-PHYS-7',
      LineItems: [
        { ProductId: 'IRONCLAD-HARDWARE', Value: 123.45, Quantity: 2, PhysicalDeliveryAddress: address },
      ],
    });
    const cost = centsToDecimal(lineCostCents(12_345, 2, { feeCents: 295, discountPercentage: 2.5 }));
    expect(answer).toMatchObject({
      status: 201,
      body: {
        Type: 'PhysicalShipment',
        Status: 'Completed',
        LineItems: [
          {
            ProductId: 'IRONCLAD-HARDWARE',
            Value: 123.45,
            Cost: cost,
            DigitalDeliveryAddress: null,
            PhysicalDeliveryAddress: address,
            ClaimData: [],
          },
        ],
      },
    });
  });

  it('reads property names in any casing at every level, defaults Quantity to 1', async () => {
    const camel = await placeOrder({
      type: 'DigitalDelivery',
      poNumber: 'camel-1',
      lineItems: [
        { productId: 'BLUEHERON-BOOKS', value: 15, digitalDeliveryAddress: { email: 'a@example.org' } },
      ],
    });
    const upper = await placeOrder({
      TYPE: 'DigitalDelivery',
      PONUMBER: 'upper-1',
      LINEITEMS: [
        {
          PRODUCTID: 'BLUEHERON-BOOKS',
          VALUE: 15,
          QUANTITY: 2,
          DIGITALDELIVERYADDRESS: { SMS: '+441234567890' },
        },
      ],
    });
    expect(camel).toMatchObject({
      status: 201,
      body: {
        PONumber: 'camel-1',
        LineItems: [{ Quantity: 1, DigitalDeliveryAddress: { Email: 'a@example.org', Sms: null } }],
      },
    });
    expect(upper).toMatchObject({
      status: 201,
      body: {
        PONumber: 'upper-1',
        LineItems: [{ Quantity: 2, DigitalDeliveryAddress: { Email: null, Sms: '+441234567890' } }],
      },
    });
  });

  it('prices several lines separately and debits their total', async () => {
    const answer = await placeOrder({
      Type: 'DigitalDelivery',
      PONumber: 'bulk-1',
      LineItems: [
        emailedLine('ORCHARD-TABLE', 25, 3, 'a@example.org'),
        emailedLine('WAYFARER-TRAVEL', 99.99, 2, 'b@example.org'),
      ],
    });
    const first = lineCostCents(2_500, 3, { feeCents: 0, discountPercentage: 7.25 });
    const second = lineCostCents(9_999, 2, { feeCents: 295, discountPercentage: 1.5 });
    expect(answer.body).toMatchObject({
      LineItems: [{ Cost: centsToDecimal(first) }, { Cost: centsToDecimal(second) }],
    });
    await expect(availableBalance()).resolves.toBe(centsToDecimal(1_000_000 - first - second));
  });
});

describe('reading orders back', () => {
  const digital = (poNumber: string) => ({
    Type: 'DigitalDelivery',
    PONumber: poNumber,
    LineItems: [
      { ProductId: 'PAPERCRANE-CRAFTS', Value: 10, DigitalDeliveryAddress: { Email: 'a@example.org' } },
    ],
  });

  it('GET /v1/Orders/{id} returns the order as created; an unknown id is 404', async () => {
    const created = await placeOrder(digital('read-1'));
    await expect(call('GET', `/v1/Orders/${orderId(created.body)}`)).resolves.toEqual({
      status: 200,
      body: created.body,
    });
    await expect(call('GET', '/v1/Orders/ord_0000000000000000')).resolves.toEqual({
      status: 404,
      body: { Message: anyString },
    });
  });

  it('GET /v1/Orders lists newest first in pages of 20 (at most 100), filtered by poNumber', async () => {
    const ids: string[] = [];
    for (let index = 1; index <= 23; index += 1)
      ids.push(orderId((await placeOrder(digital(`list-${index}`))).body));
    const newestFirst = [...ids].reverse();
    const listed = async (query: string) => {
      const page = z
        .object({
          Page: z.number(),
          PageSize: z.number(),
          TotalCount: z.number(),
          Data: z.array(z.object({ Id: z.string() })),
        })
        .parse((await call('GET', `/v1/Orders${query}`)).body);
      return { ...page, Data: page.Data.map((order) => order.Id) };
    };
    await expect(listed('')).resolves.toEqual({
      Page: 1,
      PageSize: 20,
      TotalCount: 23,
      Data: newestFirst.slice(0, 20),
    });
    await expect(listed('?pageIndex=2')).resolves.toEqual({
      Page: 2,
      PageSize: 20,
      TotalCount: 23,
      Data: newestFirst.slice(20),
    });
    await expect(listed('?pageSize=1000')).resolves.toMatchObject({ PageSize: 100, Data: newestFirst });
    await expect(listed('?PONUMBER=list-7')).resolves.toEqual({
      Page: 1,
      PageSize: 20,
      TotalCount: 1,
      Data: [ids[6]],
    });
    await expect(listed('?poNumber=LIST-7')).resolves.toMatchObject({ TotalCount: 0, Data: [] });
  });

  it('answers for path casing as ASP.NET routing does', async () => {
    expect((await call('GET', '/v1/orders')).status).toBe(200);
    expect((await call('GET', '/V1/BALANCE')).status).toBe(200);
  });
});
