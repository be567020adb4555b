import { catalogSeed, findCatalogProduct } from './catalog-seed.ts';
import { demoCredentials, disabledCredentials } from './demo-credentials.ts';
import { json, message, queryParam, singleHeader } from './http-io.ts';
import { listToWire } from './list-format.ts';
import { readPaging } from './paging.ts';
import { defineRoute, type Route } from './route.ts';
import type { SandboxContext } from './sandbox-context.ts';
import { shippingMethods } from './shipping-methods.ts';
import { balanceToWire, productToWire } from './wire-format.ts';

/** An empty filter means no filter: the vendor's own examples send `productName=`. */
const filterValue = (url: URL, name: string): string | undefined => {
  const value = queryParam(url, name)?.trim().toLowerCase();
  return value === undefined || value === '' ? undefined : value;
};

/** Tokens, catalog, shipping methods and balance (docs/provider-api.md §3, §4, §11, §13.3–13.4, §13.13–13.14). */
export const createV1Routes = (context: SandboxContext): Route[] => [
  defineRoute('POST', '/v1/Tokens', { requiresToken: false }, ({ request }) => {
    const email = singleHeader(request, 'Email')?.trim().toLowerCase();
    const accessToken = singleHeader(request, 'AccessToken');
    const isAccount = (account: { email: string; accessToken: string }) =>
      email === account.email && accessToken === account.accessToken;
    if (isAccount(disabledCredentials)) return message(403, 'API access is disabled for these credentials.');
    if (!isAccount(demoCredentials)) return message(401, 'Invalid Email or AccessToken.');
    const ttlSeconds = context.faults().tokenTtlSeconds;
    return json(200, { Value: context.tokens.mint(ttlSeconds, context.now()), ExpiresIn: ttlSeconds });
  }),

  defineRoute('GET', '/v1/Products', { requiresToken: true }, ({ url }) => {
    const paging = readPaging(url, { defaultSize: 50, maxSize: 500 }, context.variations);
    if (!paging.ok) return paging.error;
    const name = filterValue(url, 'productName');
    const description = filterValue(url, 'productDescription');
    const type = filterValue(url, 'productType');
    const products = catalogSeed.filter(
      (product) =>
        (name === undefined || product.name.toLowerCase().includes(name)) &&
        (description === undefined ||
          product.shortDescription.toLowerCase().includes(description) ||
          product.longDescription.toLowerCase().includes(description)) &&
        (type === undefined || product.type.toLowerCase() === type),
    );
    const { variations } = context;
    return json(
      200,
      listToWire(products, paging.value, (product) => productToWire(product, variations.variableShape), {
        resource: 'Products',
        variations,
      }),
    );
  }),

  defineRoute('GET', '/v1/Products/{id}', { requiresToken: true }, ({ params }) => {
    const product = findCatalogProduct(params[0] ?? '');
    return product === undefined
      ? message(404, 'Product not found.')
      : json(200, productToWire(product, context.variations.variableShape));
  }),

  defineRoute('GET', '/v1/ShippingMethods', { requiresToken: true }, () => json(200, shippingMethods)),

  defineRoute('GET', '/v1/Balance', { requiresToken: true }, () =>
    json(200, balanceToWire(context.state.balance())),
  ),
];
