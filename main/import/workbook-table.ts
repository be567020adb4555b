import { suggestMapping } from '../../common/recipients/column-mapping.ts';
import type { CellFault } from './cell-faults.ts';
import type { CellProblem } from './cell-problem.ts';
import type { GridSheet } from './sheet-grid.ts';
import { shapeTable, type ShapedTable } from './shape-table.ts';

export interface WorkbookTable extends ShapedTable {
  /** The sheet read, when the workbook has more than one. */
  readonly sheetName?: string;
  /** Cells of the sheet read whose value cannot be trusted, in sheet order. */
  readonly cellProblems: readonly CellProblem[];
}

/** "C14" → 0-based row and column. */
const cellPosition = (cell: string): readonly [number, number] | undefined => {
  const match = /^([A-Z]+)(\d+)$/.exec(cell);
  if (match === null) return undefined;
  let column = 0;
  for (const letter of match[1] ?? '') column = column * 26 + letter.charCodeAt(0) - 64;
  return [Number(match[2]) - 1, column - 1];
};

/** `application`: the program the file came from, to open it in ("Excel", "LibreOffice"). */
const faultMessage = (fault: CellFault, application: string): string => {
  switch (fault.kind) {
    case 'formula-without-value':
      return `${fault.cell}: the formula has no saved value — open the file in ${application}, save it, and import again.`;
    case 'error-value':
      return `${fault.cell} holds ${fault.error === '' ? 'an error' : `the error ${fault.error}`} — fix the formula in ${application}, save, and import again.`;
    default: {
      const unexpected: never = fault;
      throw new Error(`Unknown cell fault ${JSON.stringify(unexpected)}`);
    }
  }
};

/**
 * The faults that fall in the table's rows, placed by row index and column, and the table with each
 * error cell showing its error as Excel does ("#N/A") rather than nothing.
 */
export const placeFaults = (
  table: ShapedTable,
  faults: readonly CellFault[],
  application = 'Excel',
): WorkbookTable => {
  if (faults.length === 0) return { ...table, cellProblems: [] };
  const rowIndexOf = new Map(table.rowNumbers.map((rowNumber, index) => [rowNumber, index]));
  const cellProblems: CellProblem[] = [];
  for (const fault of faults) {
    const position = cellPosition(fault.cell);
    const row = position === undefined ? undefined : rowIndexOf.get(position[0] + 1);
    const column = position?.[1];
    if (row === undefined || column === undefined || column >= table.headers.length) continue;
    cellProblems.push({ kind: fault.kind, row, column, message: faultMessage(fault, application) });
    const cells = table.rows[row];
    if (fault.kind === 'error-value' && cells !== undefined && fault.error !== '')
      cells[column] = fault.error;
  }
  return { ...table, cellProblems };
};

/**
 * How well a sheet suits an import, higher is better: having recipients outweighs the rest, then a
 * header row, then headers that name known fields. An "Instructions" sheet of one line is a header with
 * nothing under it, so it is read only when no sheet has recipients, to say so.
 */
export const suitability = (table: ShapedTable): number => {
  if (table.headers.length === 0) return 0;
  const namesFields =
    table.hasHeaderRow && suggestMapping(table.headers).some((entry) => entry.field !== null);
  return 1 + (table.rows.length > 0 ? 3 : 0) + (table.hasHeaderRow ? 1 : 0) + (namesFields ? 1 : 0);
};

/**
 * The visible sheet that best holds recipients (see suitability; the first on a tie), shaped, with its
 * faults placed; a refusal naming the emptiness when there is none. For the readers that build their
 * sheets with createSheetGrid.
 */
export const bestSheet = (
  sheets: readonly GridSheet[],
  application: string,
): { readonly table: WorkbookTable } | { readonly refusal: string } => {
  let best: { readonly table: ShapedTable; readonly sheet: GridSheet; readonly score: number } | undefined;
  for (const sheet of sheets) {
    if (sheet.hidden) continue;
    const table = shapeTable(sheet.rawRows);
    const score = suitability(table);
    if (score > (best?.score ?? 0)) best = { table, sheet, score };
  }
  if (best === undefined) {
    const visible = sheets.some((sheet) => sheet.hidden) ? 'visible ' : '';
    return { refusal: `Every ${visible}sheet in this workbook is empty.` };
  }
  const table = placeFaults(best.table, best.sheet.faults, application);
  return { table: sheets.length > 1 ? { ...table, sheetName: best.sheet.name } : table };
};
