import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { signedInSandbox } from '../support/sandbox-http.ts';

/** Asymmetric matchers are `any` to the type checker; as `unknown` they can sit in expected objects. */
const anyString: unknown = expect.any(String);
const anyObject: unknown = expect.any(Object);

/** The product object of docs/provider-api.md §4, every field required and nothing else allowed. */
const translationSchema = z.strictObject({
  CultureCode: z.string(),
  Name: z.string(),
  Description: z.string(),
  TermsAndConditions: z.string(),
  SpecialTermsAndConditions: z.string(),
  GeneralRedemptionInstructions: z.string(),
  OnlineRedemptionInstructions: z.string(),
  InstoreRedemptionInstructions: z.string(),
  PrintRedemptionInstructions: z.string(),
});
const productSchema = z.strictObject({
  Id: z.string().regex(/^[A-Z][A-Z0-9-]+$/),
  Name: z.string().min(1),
  ShortDescription: z.string().min(1),
  LongDescription: z.string().min(1),
  Denominations: z.array(z.number().positive()).min(1),
  DenominationType: z.enum(['Fixed', 'Variable']),
  Type: z.enum(['Digital', 'Physical']),
  AvailableDeliveryTypes: z.array(z.enum(['DigitalDelivery', 'Links', 'PhysicalShipment'])).min(1),
  Terms: z.string().min(100),
  Disclaimer: z.string().min(1),
  RedemptionNote: z.string().min(1),
  Meta: z.strictObject({
    ShippingConfiguration: z.strictObject({
      FulfillmentGroup: z.string(),
      HasRequiredCardCarriers: z.boolean(),
    }),
  }),
  Media: z.strictObject({ Faceplates: z.array(z.strictObject({ Name: z.string(), Path: z.url() })).min(1) }),
  Cost: z.strictObject({ Fee: z.number().nonnegative(), DiscountPercentage: z.number().nonnegative() }),
  Translations: z.array(translationSchema),
  CurrencyCode: z.literal('USD'),
  CultureCodes: z.array(z.string()).min(1),
});
const pageSchema = z.strictObject({
  Page: z.number(),
  PageSize: z.number(),
  TotalCount: z.number(),
  Data: z.array(productSchema),
});

const sandbox = signedInSandbox();
beforeAll(() => sandbox.start());
afterAll(() => sandbox.close());

const get = (path: string) => sandbox.call('GET', path);

const productPage = async (query: string) => {
  const { status, body } = await get(`/v1/Products${query}`);
  expect(status).toBe(200);
  return pageSchema.parse(body);
};

describe('GET /v1/Products', () => {
  it('returns the whole seeded catalog in the full product shape', async () => {
    const page = await productPage('');
    expect(page).toMatchObject({ Page: 1, PageSize: 50, TotalCount: page.Data.length });
    expect(page.Data.length).toBeGreaterThanOrEqual(22);
    expect(new Set(page.Data.map((product) => product.Id)).size).toBe(page.Data.length);
  });

  it('covers every denomination kind, card type, delivery type, fee, discount and translation', async () => {
    const products = (await productPage('?pageSize=500')).Data;
    const has = (predicate: (product: (typeof products)[number]) => boolean) => products.some(predicate);
    for (const type of ['Fixed', 'Variable'])
      expect(has((product) => product.DenominationType === type)).toBe(true);
    for (const type of ['Digital', 'Physical']) expect(has((product) => product.Type === type)).toBe(true);
    for (const delivery of ['DigitalDelivery', 'Links', 'PhysicalShipment'] as const) {
      expect(has((product) => product.AvailableDeliveryTypes.includes(delivery))).toBe(true);
    }
    for (const fee of [0.5, 1.5, 2.95]) expect(has((product) => product.Cost.Fee === fee)).toBe(true);
    for (const discount of [1.5, 2.5, 5, 7.25]) {
      expect(has((product) => product.Cost.DiscountPercentage === discount)).toBe(true);
    }
    for (const culture of ['fr', 'es']) {
      expect(
        has((product) => product.Translations.some((translation) => translation.CultureCode === culture)),
      ).toBe(true);
    }
    for (const product of products) {
      const isPhysical = product.Type === 'Physical';
      expect(product.AvailableDeliveryTypes.includes('PhysicalShipment')).toBe(isPhysical);
      if (isPhysical) expect(product.AvailableDeliveryTypes).toEqual(['PhysicalShipment']);
      if (product.DenominationType === 'Variable') {
        expect(product.Denominations).toHaveLength(2);
        expect(product.Denominations[0]).toBeLessThan(product.Denominations[1] ?? 0);
      }
      expect(product.CultureCodes).toEqual([
        'en-US',
        ...product.Translations.map((item) => item.CultureCode),
      ]);
    }
  });

  it('pages with a 1-based pageIndex, caps pageSize at 500 and refuses nonsense', async () => {
    const all = (await productPage('')).Data.map((product) => product.Id);
    const third = await productPage('?pageIndex=3&pageSize=5');
    expect(third).toMatchObject({ Page: 3, PageSize: 5, TotalCount: all.length });
    expect(third.Data.map((product) => product.Id)).toEqual(all.slice(10, 15));
    expect((await productPage('?pageIndex=99')).Data).toEqual([]);
    expect(await productPage('?pageSize=5000')).toMatchObject({ PageSize: 500 });
    for (const query of ['?pageIndex=0', '?pageSize=-1', '?pageIndex=two']) {
      const { status, body } = await get(`/v1/Products${query}`);
      expect(status).toBe(400);
      expect(body).toMatchObject({ Message: anyString, Errors: anyObject });
    }
  });

  it('reads query parameter names in any casing', async () => {
    const page = await productPage('?PAGEINDEX=2&pagesize=3');
    expect(page).toMatchObject({ Page: 2, PageSize: 3 });
  });

  it('filters by name and description (case-insensitive substring) and by type (exact)', async () => {
    const ids = async (query: string) => (await productPage(query)).Data.map((product) => product.Id);
    expect(await ids('?productName=coffee')).toEqual(['NORTHWIND-COFFEE', 'NORTHWIND-COFFEE-CARD']);
    expect(await ids('?PRODUCTNAME=COFFEE')).toEqual(['NORTHWIND-COFFEE', 'NORTHWIND-COFFEE-CARD']);
    expect(await ids('?productDescription=BAKERY')).toEqual(['COPPERKETTLE-BAKERY']);
    const physical = (await productPage('?productType=Physical')).Data;
    expect(physical.length).toBeGreaterThan(0);
    expect(physical.every((product) => product.Type === 'Physical')).toBe(true);
    expect(await ids('?productType=Phys')).toEqual([]);
    expect(await ids('?productName=coffee&productType=Digital')).toEqual(['NORTHWIND-COFFEE']);
    // The vendor's own examples send empty filters; they mean "no filter".
    const unfiltered = await productPage('?productName=&productDescription=&productType=');
    expect(unfiltered.TotalCount).toBe((await productPage('')).TotalCount);
  });

  it('serves one product by Id, and 404 for an unknown one', async () => {
    const { status, body } = await get('/v1/Products/NORTHWIND-COFFEE');
    expect(status).toBe(200);
    expect(productSchema.parse(body)).toMatchObject({
      Id: 'NORTHWIND-COFFEE',
      Denominations: [10, 25, 50],
      DenominationType: 'Fixed',
      Type: 'Digital',
      AvailableDeliveryTypes: ['DigitalDelivery', 'Links'],
      Cost: { Fee: 0, DiscountPercentage: 2.5 },
      CurrencyCode: 'USD',
      CultureCodes: ['en-US', 'fr', 'es'],
    });
    await expect(get('/v1/Products/NO-SUCH-THING')).resolves.toEqual({
      status: 404,
      body: { Message: anyString },
    });
  });
});

describe('GET /v1/ShippingMethods', () => {
  it('returns exactly the methods of docs/provider-api.md §13.14', async () => {
    await expect(get('/v1/ShippingMethods')).resolves.toEqual({
      status: 200,
      body: [
        { Id: 'STANDARD', Name: 'Standard', CarrierId: 'DEFAULT' },
        { Id: 'EXPEDITED', Name: 'Expedited', CarrierId: 'DEFAULT' },
      ],
    });
  });
});
