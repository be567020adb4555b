import { centsToDecimal } from '../../common/money.ts';
import { findCatalogProduct } from './catalog-seed.ts';
import { gatewayTimeout, happens } from './fault-injection.ts';
import { json, message, queryParam, readJsonBody } from './http-io.ts';
import { conflictBody, orderInDialect } from './order-dialect.ts';
import { createOrder, poPrefixes } from './order-lifecycle.ts';
import { validateOrderRequest } from './order-validation.ts';
import { listToWire } from './list-format.ts';
import { readPaging } from './paging.ts';
import { defineRoute, type Route, type RouteRequest } from './route.ts';
import type { SandboxContext } from './sandbox-context.ts';
import { strictKeysRefusal } from './strict-wire.ts';
import { lowerCaseKeys } from '../api/wire-casing.ts';
import type { SandboxOrder } from './order-model.ts';
import { orderToWire } from './wire-format.ts';

/** The PONumber as sent, read before validation: duplicates are answered before anything else is checked. */
const poNumberOf = (body: unknown): string | undefined => {
  if (body === null || typeof body !== 'object' || !('ponumber' in body)) return undefined;
  return typeof body.ponumber === 'string' ? body.ponumber : undefined;
};

/** Orders (docs/provider-api.md §5–8, §13.5–13.11): the check order is duplicate → validation → funds → create. */
export const createOrderRoutes = (context: SandboxContext): Route[] => {
  const { state, orderDialect } = context;
  const toWire = (order: SandboxOrder) => orderInDialect(orderToWire(order, context.baseUrl()), orderDialect);

  const placeOrder = async ({ request }: RouteRequest) => {
    const read = await readJsonBody(request);
    if (!read.ok) return read.error;
    const misspelt = context.variations.strict ? strictKeysRefusal(read.value) : undefined;
    if (misspelt !== undefined) return misspelt;
    const body = lowerCaseKeys(read.value);
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      return json(400, {
        Message: 'One or more validation errors occurred.',
        Errors: { $: ['The request body must be a JSON object.'] },
      });
    }

    const poNumber = poNumberOf(body);
    const original = poNumber === undefined ? undefined : state.findOrderByPoNumber(poNumber);
    if (original !== undefined) {
      return json(409, conflictBody(original.id, orderDialect));
    }

    const validated = validateOrderRequest(body, findCatalogProduct);
    if (!validated.ok) {
      return json(400, { Message: 'One or more validation errors occurred.', Errors: validated.error });
    }

    const { availableCents } = state.balance();
    if (validated.value.costCents > availableCents) {
      return json(422, {
        Message: 'Insufficient funds',
        Available: centsToDecimal(availableCents),
        Required: centsToDecimal(validated.value.costCents),
      });
    }

    const order = createOrder(validated.value, context.lifecycle, context.now());
    state.insertOrder(order);
    context.stats.countOrderCreated();

    // The order exists from here on; these faults only lose the answer, which is what retries must survive.
    const faults = context.faults();
    if (order.poNumber.startsWith(poPrefixes.timeout) || happens(faults.timeoutAfterCreate, context.random)) {
      return gatewayTimeout(faults, context.random);
    }
    if (happens(faults.dropConnection, context.random)) return { kind: 'drop' } as const;
    return json(201, toWire(order));
  };

  return [
    defineRoute('POST', '/v1/Orders', { requiresToken: true }, placeOrder),

    defineRoute('GET', '/v1/Orders', { requiresToken: true }, ({ url }) => {
      const paging = readPaging(url, { defaultSize: 20, maxSize: 100 }, context.variations);
      if (!paging.ok) return paging.error;
      const poNumber = queryParam(url, 'poNumber');
      const orders = state
        .listOrders()
        .filter((order) => poNumber === undefined || poNumber === '' || order.poNumber === poNumber)
        .reverse();
      return json(
        200,
        listToWire(orders, paging.value, toWire, { resource: 'Orders', variations: context.variations }),
      );
    }),

    defineRoute('GET', '/v1/Orders/{id}', { requiresToken: true }, ({ params }) => {
      const order = state.findOrder(params[0] ?? '');
      return order === undefined ? message(404, 'Order not found.') : json(200, toWire(order));
    }),
  ];
};
