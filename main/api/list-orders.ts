import { ok, type Result } from '../../common/result.ts';
import type { ApiError } from './api-error.ts';
import type { GcpClient } from './gcp-client.ts';
import { readWholeList } from './list-reader.ts';
import type { Order } from './order-types.ts';

const pageSize = 100;

/**
 * Every order of the account that `keep` accepts, read by the one list reader the catalog uses
 * (docs/provider-api.md §13.10, §13.19): page base found from the answers, pages read until one comes
 * back short, empty or repeated, and the provider's total checked. The page size is asked for, not
 * relied on. `pace` runs before each page (the caller's rate cap).
 */
export const listOrdersWhere = async (
  client: Pick<GcpClient, 'listOrders'>,
  keep: (order: Order) => boolean,
  pace: () => Promise<void>,
): Promise<Result<Order[], ApiError>> => {
  const orders = await readWholeList<Order>({
    noun: 'orders',
    identity: (order) => order.id,
    pace,
    fetchPage: async (pageIndex) => {
      const page = await client.listOrders(pageIndex, pageSize);
      return page.ok ? ok({ items: page.value.orders, total: page.value.totalCount }) : page;
    },
  });
  return orders.ok ? ok(orders.value.filter(keep)) : orders;
};
