import { err, ok, type Result } from '../../common/result.ts';
import type { z } from 'zod';

/** One page of a list as the provider sent it: its items, and the list's total when the page says. */
export interface ListPage {
  readonly items: readonly unknown[];
  readonly total: number | undefined;
}

/**
 * Where lists are commonly held (docs/provider-api.md §13.4): the notes' `Data`, and the other names
 * REST and OData services use. The resource's own name (`Products`, `Orders`) is accepted as well.
 */
const envelopeFields = ['data', 'items', 'results', 'value', 'records'] as const;
/** Where a list's total is commonly held; never `Count`, which is as often the size of the page. */
const totalFields = ['totalcount', 'total', 'totalitems', 'totalrecords', 'totalresults', '@odata.count'];

/**
 * The usual spelling of a lower-cased field, for messages a person reads; a field this reader does not
 * know is shown lower-cased, as it was compared.
 */
export const displayName = (field: string): string =>
  ({
    data: 'Data',
    items: 'Items',
    results: 'Results',
    value: 'Value',
    records: 'Records',
    totalcount: 'TotalCount',
    total: 'Total',
    totalitems: 'TotalItems',
    totalrecords: 'TotalRecords',
    totalresults: 'TotalResults',
    id: 'Id',
    name: 'Name',
    type: 'Type',
    status: 'Status',
    ponumber: 'PONumber',
    lineitems: 'LineItems',
    productid: 'ProductId',
    quantity: 'Quantity',
    cost: 'Cost',
    fee: 'Fee',
    discountpercentage: 'DiscountPercentage',
    availabledeliverytypes: 'AvailableDeliveryTypes',
    currencycode: 'CurrencyCode',
  })[field] ?? field;

const describeValue = (value: unknown): string =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'a list'
      : typeof value === 'object'
        ? 'an object'
        : JSON.stringify(value);

const readTotal = (page: Readonly<Record<string, unknown>>): Result<number | undefined, string> => {
  const totals = totalFields.filter((field) => page[field] !== undefined && page[field] !== null);
  const values = new Set<number>();
  for (const field of totals) {
    const value = page[field];
    const total = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
    if (typeof total !== 'number' || !Number.isSafeInteger(total) || total < 0) {
      return err(`${displayName(field)}: expected a whole number of items, found ${describeValue(value)}`);
    }
    values.add(total);
  }
  if (values.size > 1) {
    return err(`${totals.map(displayName).join(' and ')} disagree: ${[...values].join(' and ')}`);
  }
  return ok(values.values().next().value);
};

/**
 * A page of `resource` from its answer (keys already lower-cased): a bare array, or an object holding
 * exactly one list in a known envelope field, with an optional total. Anything else is refused with
 * what was found and what was expected: a list is never guessed at.
 */
export const readListPage = (body: unknown, resource: string): Result<ListPage, string> => {
  if (Array.isArray(body)) return ok({ items: body, total: undefined });
  const expected = `a JSON array, or an object holding the list in ${[...envelopeFields.map(displayName), resource].join(', ')}`;
  if (body === null || typeof body !== 'object') {
    return err(`expected ${expected}; found ${describeValue(body)}`);
  }
  const page = body as Readonly<Record<string, unknown>>;
  const holders = [...envelopeFields, resource.toLowerCase()].filter((field) => Array.isArray(page[field]));
  const [holder, ...others] = holders;
  if (holder === undefined) {
    const fields = Object.keys(page);
    const found =
      fields.length === 0 ? 'an empty object' : `an object with ${fields.map(displayName).join(', ')}`;
    return err(`expected ${expected}; found ${found}`);
  }
  if (others.length > 0) {
    return err(`${holders.map(displayName).join(' and ')} each hold a list; expected exactly one`);
  }
  const total = readTotal(page);
  if (!total.ok) return total;
  return ok({ items: page[holder] as readonly unknown[], total: total.value });
};

/** A path of lower-cased keys as a person reads it: ['denominations', 1] → "Denominations[1]". */
const describePath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>(
    (name, segment) =>
      typeof segment === 'number'
        ? `${name}[${String(segment)}]`
        : `${name === '' ? '' : `${name}.`}${displayName(String(segment))}`,
    '',
  );

const idOf = (item: unknown): string | undefined =>
  item !== null && typeof item === 'object' && 'id' in item && typeof item.id === 'string'
    ? item.id
    : undefined;

/**
 * A page whose every item `schema` accepts; the first item it does not is named by its position (and
 * Id, when it has one), with the field and what was expected. One unreadable item refuses the page:
 * a list is used whole or not at all.
 */
export const readPageOf = <S extends z.ZodType>(
  body: unknown,
  resource: string,
  schema: S,
): Result<{ readonly items: z.output<S>[]; readonly total: number | undefined }, string> => {
  const page = readListPage(body, resource);
  if (!page.ok) return page;
  const items: z.output<S>[] = [];
  for (const [index, item] of page.value.items.entries()) {
    const parsed = schema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const id = idOf(item);
      const where = `item ${String(index + 1)} of the page${id === undefined ? '' : ` (Id "${id}")`}`;
      return err(
        `${where}: ${issue === undefined ? 'not readable' : `${describePath(issue.path) || 'the item'}: ${issue.message}`}`,
      );
    }
    items.push(parsed.data);
  }
  return ok({ items, total: page.value.total });
};
