import type { Paging } from './paging.ts';
import type { ProviderVariations } from './sandbox-options.ts';

/**
 * One page of a list on the wire: by default the envelope of docs/provider-api.md §13.4 and §13.10,
 * `{ Page, PageSize, TotalCount, Data }`; the variations of docs/provider-api.md §13.19 move the items
 * to another field (`Products` names it after the resource: Products, Orders), rename or drop the
 * total, or send the page as a bare array.
 */
export const listToWire = <T>(
  items: readonly T[],
  paging: Paging,
  toWire: (item: T) => unknown,
  list: {
    readonly resource: string;
    readonly variations: Pick<ProviderVariations, 'listEnvelope' | 'listTotal'>;
  },
): unknown => {
  const { pageIndex, pageSize, base } = paging;
  const start = (pageIndex - base) * pageSize;
  const page = items.slice(start, start + pageSize).map(toWire);
  const { listEnvelope, listTotal } = list.variations;
  if (listEnvelope === 'none') return page;
  return {
    Page: pageIndex,
    PageSize: pageSize,
    ...(listTotal === 'none' ? {} : { [listTotal]: items.length }),
    [listEnvelope === 'Products' ? list.resource : listEnvelope]: page,
  };
};
