import type { CellFault } from './cell-faults.ts';
import { columnLetters } from '../../common/recipients/duplicate-headers.ts';

/** Excel's and LibreOffice's sheet size: no row or column of a real sheet lies past these. */
export const maxSheetRows = 1_048_576;
export const maxSheetColumns = 16_384;
/**
 * Cells a sheet may spell out, repeats included: room for 200,000 rows (a draft's limit) of 20 columns.
 * OpenDocument writes "this row, a million times" in a few bytes; without a count, a small file would
 * fill memory.
 */
export const maxSheetCells = 4_000_000;

export const sheetTooLargeMessage = (): string =>
  `This sheet holds more than ${maxSheetCells.toLocaleString('en-US')} cells, more than any recipient ` +
  'list needs. Save the list alone as CSV or .xlsx, or split it, and import that.';

export const sheetOutOfBoundsMessage = (): string =>
  `This sheet has a value past row ${maxSheetRows.toLocaleString('en-US')} or column ` +
  `${columnLetters(maxSheetColumns - 1)}, beyond any spreadsheet. Save it as CSV or .xlsx and import that.`;

/** One sheet as read: raw rows by their position (blank rows included), and its untrustworthy cells. */
export interface GridSheet {
  readonly name: string;
  readonly hidden: boolean;
  readonly rawRows: string[][];
  readonly faults: readonly CellFault[];
}

export interface SheetGrid {
  /** Starts a row, at a 0-based position when the file says, else just below the last one. */
  readonly startRow: (at?: number) => void;
  /**
   * A cell of the row, at a 0-based column when the file says, else just right of the last one, spelled
   * out `repeat` times; a fault names what is wrong with it.
   */
  readonly cell: (
    text: string,
    options?: { readonly at?: number; readonly repeat?: number; readonly fault?: FaultKind },
  ) => void;
  /** Ends the row, spelled out `repeat` times. */
  readonly endRow: (repeat?: number) => void;
  /** Undefined while within bounds, else why the sheet is refused; nothing more is kept after it. */
  readonly refusal: () => string | undefined;
  readonly finish: (name: string, hidden: boolean) => GridSheet;
}

export type FaultKind =
  { readonly kind: 'formula-without-value' } | { readonly kind: 'error-value'; readonly error: string };

const blankRow: string[] = [];

/**
 * Builds a sheet's raw rows from a reader's events within bounds (see maxSheetCells): blank rows and
 * cells, however often repeated, cost nothing until a value follows them, as the trailing million empty
 * rows LibreOffice writes never do. Shared by the OpenDocument, SpreadsheetML and HTML readers.
 */
export const createSheetGrid = (): SheetGrid => {
  const rawRows: string[][] = [];
  const faults: CellFault[] = [];
  let refused: string | undefined;
  let cells = 0;
  let nextRow = 0;
  let row: string[] = [];
  let rowAt = 0;
  let nextColumn = 0;
  let rowFaults: { readonly column: number; readonly fault: FaultKind }[] = [];

  const refuse = (message: string): void => {
    refused ??= message;
  };
  const count = (added: number): boolean => {
    cells += added;
    if (cells > maxSheetCells) refuse(sheetTooLargeMessage());
    return refused === undefined;
  };

  return {
    startRow: (at) => {
      rowAt = at !== undefined && at > nextRow ? at : nextRow;
      row = [];
      nextColumn = 0;
      rowFaults = [];
    },
    cell: (text, options = {}) => {
      if (refused !== undefined) return;
      const at = options.at !== undefined && options.at > nextColumn ? options.at : nextColumn;
      const repeat = Math.max(1, options.repeat ?? 1);
      nextColumn = at + repeat;
      if (text === '' && options.fault === undefined) return;
      if (nextColumn > maxSheetColumns) {
        refuse(sheetOutOfBoundsMessage());
        return;
      }
      if (!count(nextColumn - row.length)) return;
      while (row.length < at) row.push('');
      for (let index = 0; index < repeat; index++) {
        if (options.fault !== undefined) rowFaults.push({ column: at + index, fault: options.fault });
        row.push(text);
      }
    },
    endRow: (repeat = 1) => {
      const times = Math.max(1, repeat);
      const start = rowAt;
      nextRow = rowAt + times;
      if (refused !== undefined || row.length === 0) return;
      if (start + times > maxSheetRows) {
        refuse(sheetOutOfBoundsMessage());
        return;
      }
      if (!count(row.length * (times - 1))) return;
      while (rawRows.length < start) rawRows.push(blankRow);
      for (let index = 0; index < times; index++) {
        rawRows.push(index === 0 ? row : [...row]);
        for (const { column, fault } of rowFaults) {
          const cell = `${columnLetters(column)}${String(start + index + 1)}`;
          faults.push(fault.kind === 'error-value' ? { ...fault, cell } : { kind: fault.kind, cell });
        }
      }
    },
    refusal: () => refused,
    finish: (name, hidden) => ({ name, hidden, rawRows, faults }),
  };
};
