import { findHeaderRow, headerSearchRows } from './detect-header-row.ts';

export interface ShapedTable {
  readonly headers: string[];
  readonly rows: string[][];
  /** False when the file had no header row and `headers` are the made-up "Column 1…n". */
  readonly hasHeaderRow: boolean;
  /**
   * Per row, the 1-based position among the raw rows it came from, so the header, blank rows and lines
   * above the header still count: a sheet's row number, or a text file's record number.
   */
  readonly rowNumbers: number[];
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
 * Raw cell rows (from CSV or a sheet) → a rectangular table with one header per column. Blank rows go,
 * and so do rows above the header (see findHeaderRow); short rows are padded; a row longer than the
 * header row gets extra "Column n" headers so no value is lost; a trailing column with no header and no
 * values (the stray comma Excel leaves) is dropped.
 *
 * The raw rows are the caller's fresh arrays, handed over: a row that already has the table's width is
 * kept as it is rather than copied, which for a 100,000-row file saves as many allocations. Both callers
 * build their rows for this call alone and never touch them again.
 */
export const shapeTable = (rawRows: readonly string[][]): ShapedTable => {
  // Plain loops: this runs over every row of the file, and callbacks per row showed in profiles.
  // The first non-blank rows, by their raw index: as many as findHeaderRow looks at, and one more.
  const leading: number[] = [];
  for (let index = 0; index < rawRows.length && leading.length <= headerSearchRows; index++) {
    if (!isBlankRow(rawRows[index] ?? [])) leading.push(index);
  }
  if (leading.length === 0) return { headers: [], rows: [], hasHeaderRow: false, rowNumbers: [] };
  const headerRow = findHeaderRow(leading.map((index) => rawRows[index] ?? []));
  const headerAt = headerRow === undefined ? undefined : leading[headerRow];
  const titles = headerAt === undefined ? [] : (rawRows[headerAt] ?? []).map((cell) => cell.trim());
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  let width = titles.length;
  for (let index = headerAt === undefined ? 0 : headerAt + 1; index < rawRows.length; index++) {
    const row = rawRows[index] ?? [];
    if (isBlankRow(row)) continue;
    rows.push(row);
    rowNumbers.push(index + 1);
    if (row.length > width) width = row.length;
  }
  while (width > 0 && isBlank(titles[width - 1] ?? '') && isColumnBlank(rows, width - 1)) width--;
  const headers = Array.from({ length: width }, (_, index) => {
    const title = titles[index] ?? '';
    return title === '' ? columnName(index) : title;
  });
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index] ?? [];
    if (row.length !== width) rows[index] = resized(row, width);
  }
  return { headers, rows, hasHeaderRow: headerAt !== undefined, rowNumbers };
};

const isColumnBlank = (rows: readonly (readonly string[])[], column: number): boolean => {
  for (const row of rows) if (!isBlank(row[column] ?? '')) return false;
  return true;
};
