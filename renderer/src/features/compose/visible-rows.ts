import type { SortColumn } from 'react-data-grid';
import type { RecipientField, RecipientRow } from '../../../../common/recipients/fields.ts';
import { parseAmount } from '../../../../common/recipients/parse-amount.ts';
import type { GridRow } from '../../state/draft-history.ts';

/** Which rows the grid shows: all, or only those with problems, narrowed by the find text. */
export const visibleRows = (
  rows: readonly GridRow[],
  options: { onlyProblems: boolean; find: string; hasProblems: (rowId: string) => boolean },
): readonly GridRow[] => {
  const needle = options.find.trim().toLowerCase();
  if (!options.onlyProblems && needle === '') return rows;
  return rows.filter(
    (row) =>
      (!options.onlyProblems || options.hasProblems(row.id)) &&
      (needle === '' || Object.values(row.values).some((value) => value.toLowerCase().includes(needle))),
  );
};

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Fields sorted by the number they hold, read as the validator reads an amount. */
const numericFields: ReadonlySet<RecipientField> = new Set(['amount', 'quantity']);

/** A cell's place in a sort: a number, text (text that is not a number, for a numeric column), or empty. */
type SortKey =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'empty' };

const kindRank = { number: 0, text: 1, empty: 2 } as const;

const sortKeyOf = (text: string, numeric: boolean): SortKey => {
  if (text === '') return { kind: 'empty' };
  if (!numeric) return { kind: 'text', value: text };
  const parsed = parseAmount(text);
  return parsed.ok ? { kind: 'number', value: parsed.value } : { kind: 'text', value: text };
};

const compareKeys = (left: SortKey, right: SortKey): number => {
  if (left.kind === 'number' && right.kind === 'number') return left.value - right.value;
  if (left.kind === 'text' && right.kind === 'text') return collator.compare(left.value, right.value);
  return 0;
};

/**
 * Row ids in the order a column sort asks for. Each row sorts by the value it is sent with: its own, or
 * the batch default it inherits. Amount and Quantity sort by the number, parsed as validation parses
 * it ("$1,000.00" after "100"); values that are not numbers come after the numbers, and empty cells
 * last, in either direction.
 */
export const sortedRowIds = (
  rows: readonly GridRow[],
  sort: SortColumn,
  /** The batch defaults: the values a row without its own inherits. */
  defaults: RecipientRow,
): string[] => {
  // Only the field columns are sortable, and they are keyed by their field.
  const field = sort.columnKey as RecipientField;
  const direction = sort.direction === 'ASC' ? 1 : -1;
  const inherited = defaults[field]?.trim() ?? '';
  const numeric = numericFields.has(field);
  // Keys once per row, not once per comparison: parsing 100,000 amounts is the costly part.
  const keyed = rows.map((row) => {
    const own = row.values[field]?.trim() ?? '';
    return { id: row.id, key: sortKeyOf(own === '' ? inherited : own, numeric) };
  });
  return keyed
    .sort((a, b) => {
      const byKind = kindRank[a.key.kind] - kindRank[b.key.kind];
      return byKind === 0 ? compareKeys(a.key, b.key) * direction : byKind;
    })
    .map((row) => row.id);
};
