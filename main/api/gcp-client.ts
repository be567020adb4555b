import { z } from 'zod';
import type { Product } from '../../common/catalog/product.ts';
import type { Balance } from '../../common/contract/connection.ts';
import { err, ok, type Result } from '../../common/result.ts';
import type { Logger } from '../logging/logger.ts';
import { sleepUnlessAborted } from './abortable-sleep.ts';
import type { ApiError } from './api-error.ts';
import { performApiCall, type AttemptRecord, type RequestRuntime } from './api-request.ts';
import { findOriginalOrder } from './find-original-order.ts';
import type { FetchLike } from './http.ts';
import type { CreateOrderRequest, Order, PlacedOrder, ShippingMethod } from './order-types.ts';
import { defaultRetryPolicy, type RetryPolicy } from './retry.ts';
import { createTokenCache, type IssuedToken } from './token-cache.ts';
import { toBalance, toOrder, toOrderRequestBody, toProduct, toShippingMethod } from './wire-mapping.ts';
import { readPageOf } from './list-page.ts';
import { readWholeList } from './list-reader.ts';
import {
  tokenResponseSchema,
  wireBalanceSchema,
  wireOrderSchema,
  wireProductSchema,
  wireShippingMethodSchema,
} from './wire-schemas.ts';

export interface Credentials {
  readonly email: string;
  readonly accessToken: string;
}

/** Per-call deadlines (docs/provider-api.md §13.17): orders 30 s, then the idempotent retry path; products 90 s. */
export interface ApiTimeouts {
  readonly orderMs: number;
  readonly productsMs: number;
  readonly defaultMs: number;
}
export const defaultTimeouts: ApiTimeouts = { orderMs: 30_000, productsMs: 90_000, defaultMs: 30_000 };

export interface GcpClientOptions {
  readonly baseUrl: string;
  readonly credentials: () => Credentials | undefined;
  readonly logger: Logger;
  /** Production may have no balance endpoint (docs/provider-api.md §13.13), so it is called only where this is set. */
  readonly balanceSupported: boolean;
  readonly fetch?: FetchLike;
  readonly timeouts?: ApiTimeouts;
  readonly retry?: RetryPolicy;
  readonly now?: () => number;
  readonly random?: () => number;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const productPageSize = 500;
const orderPageSize = 100;

/** The GiftCard Partners B2B API v1, with tokens, retries and 409 recovery built in. */
export const createGcpClient = (options: GcpClientOptions) => {
  const timeouts = options.timeouts ?? defaultTimeouts;
  const now = options.now ?? Date.now;
  const fetchImpl = options.fetch ?? ((url, init) => fetch(url, init));
  const runtimeBase = {
    baseUrl: options.baseUrl,
    fetch: fetchImpl,
    retry: options.retry ?? defaultRetryPolicy,
    logger: options.logger,
    now,
    random: options.random ?? Math.random,
    sleep: options.sleep ?? sleepUnlessAborted,
  };

  const fetchToken = async (): Promise<Result<IssuedToken, ApiError>> => {
    const credentials = options.credentials();
    if (credentials === undefined) {
      return err({
        kind: 'not_configured',
        message: 'No email and access token are set for this environment.',
      });
    }
    const result = await performApiCall(runtime, {
      method: 'POST',
      path: 'v1/Tokens',
      headers: { Email: credentials.email, AccessToken: credentials.accessToken },
      timeoutMs: timeouts.defaultMs,
      schema: tokenResponseSchema,
      authorized: false,
    });
    return result.ok ? ok({ value: result.value.value, expiresInSeconds: result.value.expiresin }) : result;
  };

  const tokens = createTokenCache(fetchToken, now);
  const runtime: RequestRuntime = { ...runtimeBase, tokens };

  const get = <T extends z.ZodType>(
    path: string,
    schema: T,
    timeoutMs = timeouts.defaultMs,
    query = {},
    onAttempt?: (attempt: AttemptRecord) => void,
  ) =>
    performApiCall(runtime, {
      method: 'GET',
      path,
      query,
      schema,
      timeoutMs,
      authorized: true,
      ...(onAttempt === undefined ? {} : { onAttempt }),
    });

  const getOrder = async (
    orderId: string,
    onAttempt?: (attempt: AttemptRecord) => void,
  ): Promise<Result<Order, ApiError>> => {
    const result = await get(
      `v1/Orders/${encodeURIComponent(orderId)}`,
      wireOrderSchema,
      timeouts.defaultMs,
      {},
      onAttempt,
    );
    return result.ok ? ok(toOrder(result.value)) : result;
  };

  /**
   * One page of a list, in any of the envelopes docs/provider-api.md §13.4 lists. An answer in a shape
   * not understood is refused at once, naming what was found: it is not a failure a retry could mend.
   */
  const getPage = async <S extends z.ZodType>(
    resource: 'Products' | 'Orders',
    itemSchema: S,
    query: { pageIndex: number; pageSize: number },
    timeoutMs: number,
    onAttempt?: (attempt: AttemptRecord) => void,
  ): Promise<Result<{ items: z.output<S>[]; total: number | undefined }, ApiError>> => {
    const answer = await get(`v1/${resource}`, z.unknown(), timeoutMs, query, onAttempt);
    if (!answer.ok) return answer;
    const page = readPageOf(answer.value, resource, itemSchema);
    return page.ok
      ? page
      : err({
          kind: 'unsupported_response',
          message: `The provider's answer to GET /v1/${resource} (pageIndex ${String(query.pageIndex)}) was not understood: ${page.error}.`,
        });
  };

  const listOrders = async (
    pageIndex: number,
    pageSize = orderPageSize,
    onAttempt?: (attempt: AttemptRecord) => void,
  ) => {
    const page = await getPage(
      'Orders',
      wireOrderSchema,
      { pageIndex, pageSize },
      timeouts.defaultMs,
      onAttempt,
    );
    return page.ok ? ok({ orders: page.value.items.map(toOrder), totalCount: page.value.total }) : page;
  };

  return {
    /** A fresh token, for "Test connection"; also primes the shared cache. */
    testCredentials: () => {
      tokens.clear();
      return tokens.refresh();
    },

    /** The whole catalog, or a refusal: never part of it (docs/provider-api.md §13.4). */
    listProducts: (): Promise<Result<Product[], ApiError>> =>
      readWholeList({
        noun: 'products',
        identity: (product) => product.id,
        fetchPage: async (pageIndex) => {
          const page = await getPage(
            'Products',
            wireProductSchema,
            { pageIndex, pageSize: productPageSize },
            timeouts.productsMs,
          );
          return page.ok ? ok({ items: page.value.items.map(toProduct), total: page.value.total }) : page;
        },
      }),

    listShippingMethods: async (): Promise<Result<ShippingMethod[], ApiError>> => {
      const result = await get('v1/ShippingMethods', z.array(wireShippingMethodSchema));
      return result.ok ? ok(result.value.map(toShippingMethod)) : result;
    },

    getBalance: async (): Promise<Result<Balance, ApiError>> => {
      if (!options.balanceSupported) {
        return err({
          kind: 'not_configured',
          message: 'This environment does not offer a balance endpoint.',
        });
      }
      const result = await get('v1/Balance', wireBalanceSchema);
      return result.ok ? ok(toBalance(result.value)) : result;
    },

    getOrder,
    listOrders,

    /**
     * One cheap authenticated GET, never retried: is the provider answering again? The balance where
     * the environment has one, else the shipping methods (a short, fixed list).
     */
    probe: async (): Promise<Result<void, ApiError>> => {
      const call = {
        method: 'GET',
        query: {},
        timeoutMs: timeouts.defaultMs,
        authorized: true,
        stopRetrying: () => true,
      } as const;
      const result = options.balanceSupported
        ? await performApiCall(runtime, { ...call, path: 'v1/Balance', schema: wireBalanceSchema })
        : await performApiCall(runtime, {
            ...call,
            path: 'v1/ShippingMethods',
            schema: z.array(wireShippingMethodSchema),
          });
      return result.ok ? ok(undefined) : result;
    },

    /**
     * Places one order, retrying with the same PONumber until the outcome is known. A 409 means an
     * earlier attempt reached the provider, so the original order is fetched: never a second order.
     */
    createOrder: async (
      request: CreateOrderRequest,
      control: {
        stopRetrying?: () => boolean;
        onAttempt?: (attempt: AttemptRecord) => void;
      } = {},
    ): Promise<Result<PlacedOrder, ApiError>> => {
      const created = await performApiCall(runtime, {
        method: 'POST',
        path: 'v1/Orders',
        body: toOrderRequestBody(request),
        timeoutMs: timeouts.orderMs,
        schema: wireOrderSchema,
        authorized: true,
        ...control,
      });
      if (created.ok) return ok({ order: toOrder(created.value), via: 'created' });
      if (created.error.kind !== 'duplicate_po') return created;
      const original = await findOriginalOrder(
        { getOrder, listOrders },
        request.poNumber,
        created.error,
        control.onAttempt,
      );
      return original.ok ? ok({ order: original.value, via: 'duplicate' }) : original;
    },
  };
};

export type GcpClient = ReturnType<typeof createGcpClient>;
