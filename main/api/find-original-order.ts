import { err, ok, type Result } from '../../common/result.ts';
import { isRetryable, type ApiError } from './api-error.ts';
import type { AttemptRecord } from './api-request.ts';
import type { Order } from './order-types.ts';

type OnAttempt = ((attempt: AttemptRecord) => void) | undefined;

export interface OrderReader {
  getOrder(orderId: string, onAttempt?: OnAttempt): Promise<Result<Order, ApiError>>;
  listOrders(
    pageIndex: number,
    pageSize: number,
    onAttempt?: OnAttempt,
  ): Promise<Result<{ orders: Order[]; totalCount: number | undefined }, ApiError>>;
}

const orderPageSize = 100;
/** How far back the order list is searched by PONumber, newest first (docs/provider-api.md §13.8). */
const lookupPages = 10;

/** An order that does not echo its PONumber cannot be checked, and is taken at the provider's word. */
const isUnderPo = (order: Order, poNumber: string): boolean =>
  order.poNumber === null || order.poNumber.trim().toUpperCase() === poNumber.trim().toUpperCase();

type Lookup = Result<Order, ApiError> | { readonly ok: 'no'; readonly why: string };

/**
 * The order list, newest first, without relying on a PONumber filter, on the page size asked for or on
 * the page base (docs/provider-api.md §13.10): page 0 is asked first; a provider counting from 1 may
 * refuse it, answer it empty or answer it as page 1, and each of those is read past.
 */
const searchOrderList = async (
  reader: OrderReader,
  poNumber: string,
  onAttempt: OnAttempt,
): Promise<Lookup> => {
  let seen = 0;
  let previousPage: string | undefined;
  for (let pageIndex = 0; pageIndex <= lookupPages; pageIndex += 1) {
    const page = await reader.listOrders(pageIndex, orderPageSize, onAttempt);
    if (!page.ok) {
      if (pageIndex === 0 && !isRetryable(page.error)) continue;
      return isRetryable(page.error) && page.error.kind !== 'bad_response'
        ? page
        : { ok: 'no', why: `its order list could not be searched (${page.error.message})` };
    }
    const { orders, totalCount } = page.value;
    const ids = orders.map((order) => order.id).join('\n');
    // Page 0 answered as page 1, or a provider that ignores pageIndex: the same page again.
    if (ids === previousPage && orders.length > 0) {
      if (pageIndex === 1) continue;
      break;
    }
    previousPage = ids;
    const match = orders.find((order) => order.poNumber !== null && isUnderPo(order, poNumber));
    if (match !== undefined) return ok(match);
    seen += orders.length;
    if (orders.length === 0 && pageIndex > 0) break;
    if (totalCount !== undefined && seen >= totalCount) break;
  }
  return {
    ok: 'no',
    why: `no order in its order list carries PO number ${poNumber} (${String(seen)} looked at, newest first)`,
  };
};

/**
 * After a 409: the original order, from the ids its body named (each checked against the PO number),
 * else from the order list. A 409 proves an order exists under this PO number, so when it cannot be
 * found the answer is still `duplicate_po`, saying what was tried: never "not sent".
 */
export const findOriginalOrder = async (
  reader: OrderReader,
  poNumber: string,
  conflict: Extract<ApiError, { kind: 'duplicate_po' }>,
  onAttempt: OnAttempt,
): Promise<Result<Order, ApiError>> => {
  const rejected: string[] = [];
  for (const id of conflict.originalOrderIds) {
    const fetched = await reader.getOrder(id, onAttempt);
    if (fetched.ok && isUnderPo(fetched.value, poNumber)) return fetched;
    if (!fetched.ok && fetched.error.kind !== 'not_found') return fetched;
    rejected.push(id);
  }
  const listed = await searchOrderList(reader, poNumber, onAttempt);
  if (listed.ok === true) {
    const full = await reader.getOrder(listed.value.id, onAttempt);
    return full.ok || full.error.kind !== 'not_found' ? full : ok(listed.value);
  }
  if (listed.ok === false) return listed;
  const named =
    rejected.length === 0
      ? conflict.message
      : `An order with this PO number already exists, but the id${rejected.length > 1 ? 's' : ''} the provider named (${rejected.join(', ')}) led to no order with PO number ${poNumber}.`;
  return err({
    kind: 'duplicate_po',
    message: `${named} GiftBatch could not find the order either: ${listed.why}.`,
    originalOrderIds: [],
  });
};
