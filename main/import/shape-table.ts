import { isHeaderRow } from './detect-header-row.ts';

export interface ShapedTable {
  readonly headers: string[];
  readonly rows: string[][];
  /** False when the file had no header row and `headers` are the made-up "Column 1…n". */
  readonly hasHeaderRow: boolean;
}

/**
 * Whether trim() would leave nothing. A cell starting with a printable ASCII character is answered
 * without trimming: this runs on every cell of the file.
 */
const isBlank = (cell: string): boolean => {
  const first = cell.charCodeAt(0);
  if (first > 0x20 && first < 0x7f) return false;
  return cell.trim() === '';
};

const isBlankRow = (row: readonly string[]): boolean => {
  for (const cell of row) if (!isBlank(cell)) return false;
  return true;
};

const columnName = (index: number): string => `Column ${index + 1}`;

/** A copy `width` cells long: cut short or padded with empty cells. */
const resized = (row: readonly string[], width: number): string[] => {
  const cells = new Array<string>(width);
  for (let index = 0; index < width; index++) cells[index] = row[index] ?? '';
  return cells;
};

/**
 * Raw cell rows (from CSV or a sheet) → a rectangular table with one header per column. Blank rows go;
 * short rows are padded; a row longer than the header row gets extra "Column n" headers so no value is
 * lost; a trailing column with no header and no values (the stray comma Excel leaves) is dropped.
 *
 * The raw rows are the caller's fresh arrays, handed over: a row that already has the table's width is
 * kept as it is rather than copied, which for a 100,000-row file saves as many allocations. Both callers
 * build their rows for this call alone and never touch them again.
 */
export const shapeTable = (rawRows: readonly string[][]): ShapedTable => {
  // Plain loops: this runs over every row of the file, and callbacks per row showed in profiles.
  const filled: string[][] = [];
  for (const row of rawRows) if (!isBlankRow(row)) filled.push(row);
  const first = filled[0];
  if (first === undefined) return { headers: [], rows: [], hasHeaderRow: false };
  const hasHeaderRow = isHeaderRow(first);
  const dataStart = hasHeaderRow ? 1 : 0;
  const titles = hasHeaderRow ? first.map((cell) => cell.trim()) : [];
  let width = titles.length;
  for (let index = dataStart; index < filled.length; index++) {
    width = Math.max(width, filled[index]?.length ?? 0);
  }
  while (width > 0 && isBlank(titles[width - 1] ?? '') && isColumnBlank(filled, dataStart, width - 1)) {
    width--;
  }
  const headers = Array.from({ length: width }, (_, index) => {
    const title = titles[index] ?? '';
    return title === '' ? columnName(index) : title;
  });
  const rows = new Array<string[]>(filled.length - dataStart);
  for (let index = dataStart; index < filled.length; index++) {
    const row = filled[index] ?? [];
    rows[index - dataStart] = row.length === width ? row : resized(row, width);
  }
  return { headers, rows, hasHeaderRow };
};

const isColumnBlank = (rows: readonly (readonly string[])[], start: number, column: number): boolean => {
  for (let index = start; index < rows.length; index++) {
    if (!isBlank(rows[index]?.[column] ?? '')) return false;
  }
  return true;
};
