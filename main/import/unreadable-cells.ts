import { columnLetters } from '../../common/recipients/duplicate-headers.ts';
import type { CellProblem } from './cell-problem.ts';
import type { ShapedTable } from './shape-table.ts';

const replacement = '\uFFFD';

/**
 * The cells holding U+FFFD, the character a decoder puts where bytes were not valid UTF-8: each names
 * its row (as the file counts records) and column, so the person retypes that text. The rest of the file
 * was read as UTF-8 all the same; see decodeText for why it is not re-read in another encoding.
 */
export const unreadableCells = (table: ShapedTable): CellProblem[] => {
  const problems: CellProblem[] = [];
  table.rows.forEach((cells, row) => {
    cells.forEach((cell, column) => {
      if (!cell.includes(replacement)) return;
      const header = table.headers[column] ?? '';
      problems.push({
        kind: 'unreadable-characters',
        row,
        column,
        message:
          `Row ${String(table.rowNumbers[row] ?? row + 1)}, column ${columnLetters(column)} ("${header}"): ` +
          `"${cell.trim()}" has bytes that are not valid UTF-8, shown as ${replacement}. Retype it, or save ` +
          'the file again as CSV UTF-8 and import again.',
      });
    });
  });
  return problems;
};
