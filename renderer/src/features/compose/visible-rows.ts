import type { SortColumn } from 'react-data-grid';
import type { RecipientField } from '../../../../common/recipients/fields.ts';
import type { GridRow } from '../../state/draft-history.ts';
import type { IssueIndex } from './cell-issues.ts';

/** Which rows the grid shows: all, or only those with problems, narrowed by the find text. */
export const visibleRows = (
  rows: readonly GridRow[],
  options: { onlyProblems: boolean; find: string; issues: IssueIndex },
): readonly GridRow[] => {
  const needle = options.find.trim().toLowerCase();
  if (!options.onlyProblems && needle === '') return rows;
  return rows.filter(
    (row) =>
      (!options.onlyProblems || options.issues.has(row.id)) &&
      (needle === '' || Object.values(row.values).some((value) => value.toLowerCase().includes(needle))),
  );
};

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Row ids in the order a column sort asks for; empty cells go last either way. */
export const sortedRowIds = (rows: readonly GridRow[], sort: SortColumn): string[] => {
  const field = sort.columnKey as RecipientField;
  const direction = sort.direction === 'ASC' ? 1 : -1;
  return [...rows]
    .sort((a, b) => {
      const left = a.values[field] ?? '';
      const right = b.values[field] ?? '';
      if (left === '' || right === '') return left === right ? 0 : left === '' ? 1 : -1;
      return collator.compare(left, right) * direction;
    })
    .map((row) => row.id);
};
