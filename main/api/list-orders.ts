import { ok, type Result } from '../../common/result.ts';
import type { ApiError } from './api-error.ts';
import type { GcpClient } from './gcp-client.ts';
import type { Order } from './order-types.ts';

const pageSize = 100;

/**
 * Every order of the account that `keep` accepts, paging `GET /v1/Orders` until a page comes back
 * empty or TotalCount is reached (docs/provider-api.md §13.10). The page size is asked for, not relied
 * on: the orders actually returned are counted. `pace` runs before each page (the caller's rate cap).
 */
export const listOrdersWhere = async (
  client: Pick<GcpClient, 'listOrders'>,
  keep: (order: Order) => boolean,
  pace: () => Promise<void>,
): Promise<Result<Order[], ApiError>> => {
  const kept: Order[] = [];
  let seen = 0;
  for (let pageIndex = 1; ; pageIndex += 1) {
    await pace();
    const page = await client.listOrders(pageIndex, pageSize);
    if (!page.ok) return page;
    kept.push(...page.value.orders.filter(keep));
    seen += page.value.orders.length;
    const { totalCount } = page.value;
    if (page.value.orders.length === 0 || (totalCount !== undefined && seen >= totalCount)) return ok(kept);
  }
};
