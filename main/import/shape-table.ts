import { isHeaderRow } from './detect-header-row.ts';

export interface ShapedTable {
  readonly headers: string[];
  readonly rows: string[][];
  /** False when the file had no header row and `headers` are the made-up "Column 1…n". */
  readonly hasHeaderRow: boolean;
}

const isBlank = (cell: string): boolean => cell.trim() === '';

const columnName = (index: number): string => `Column ${index + 1}`;

/**
 * Raw cell rows (from CSV or a sheet) → a rectangular table with one header per column. Blank rows go;
 * short rows are padded; a row longer than the header row gets extra "Column n" headers so no value is
 * lost; a trailing column with no header and no values (the stray comma Excel leaves) is dropped.
 */
export const shapeTable = (rawRows: readonly (readonly string[])[]): ShapedTable => {
  const filled = rawRows.filter((row) => !row.every(isBlank));
  const first = filled[0];
  if (first === undefined) return { headers: [], rows: [], hasHeaderRow: false };
  const hasHeaderRow = isHeaderRow(first);
  const dataRows = hasHeaderRow ? filled.slice(1) : filled;
  const titles = hasHeaderRow ? first.map((cell) => cell.trim()) : [];
  let width = dataRows.reduce((widest, row) => Math.max(widest, row.length), titles.length);
  while (
    width > 0 &&
    isBlank(titles[width - 1] ?? '') &&
    dataRows.every((row) => isBlank(row[width - 1] ?? ''))
  ) {
    width--;
  }
  const headers = Array.from({ length: width }, (_, index) => {
    const title = titles[index] ?? '';
    return title === '' ? columnName(index) : title;
  });
  const rows = dataRows.map((row) => Array.from({ length: width }, (_, index) => row[index] ?? ''));
  return { headers, rows, hasHeaderRow };
};
