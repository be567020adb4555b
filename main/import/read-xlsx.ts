import readXlsxFile from 'read-excel-file/node';
import { suggestMapping } from '../../common/recipients/column-mapping.ts';
import { err, ok, type Result } from '../../common/result.ts';
import { checkDeclaredSizes, unreadableWorkbookMessage } from './archive-limits.ts';
import { cellText } from './cell-text.ts';
import { createCellFaultScanner, type CellFault, type CellFaultScanner } from './cell-faults.ts';
import type { CellProblem } from './cell-problem.ts';
import { joinChunks, readArchivePart, scanArchive, type PartVisitor } from './scan-archive.ts';
import { shapeTable, type ShapedTable } from './shape-table.ts';
import { cellKey, isLayoutPart, readWorkbookLayout } from './workbook-layout.ts';

export interface WorkbookTable extends ShapedTable {
  /** The sheet read, when the workbook has more than one. */
  readonly sheetName?: string;
  /** Cells of the sheet read whose value cannot be trusted, in sheet order. */
  readonly cellProblems: readonly CellProblem[];
}

/** Why a workbook could not be read, in words a person can act on. */
const describeFailure = (error: unknown): string => {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  if (code === 'XLS_FILE_NOT_SUPPORTED') {
    return 'This is an old-style Excel .xls workbook. Open it in Excel and save it as .xlsx or CSV, then import that.';
  }
  return unreadableWorkbookMessage;
};

const isWorksheet = (name: string): boolean => /(?:^|\/)worksheets\/[^/]+\.xml$/i.test(name);

interface ArchiveContents {
  /** The parts readWorkbookLayout reads, by path. */
  readonly layoutParts: ReadonlyMap<string, Uint8Array>;
  /** Per worksheet part, its formula cells without a value and its error cells. */
  readonly faults: ReadonlyMap<string, readonly CellFault[]>;
}

/**
 * Unpacks the archive once under the import's limits (see scan-archive.ts), before read-excel-file
 * unpacks it again: what passes here cannot exhaust memory there. On the way it keeps the small layout
 * parts and scans each sheet for faulty cells.
 */
export const inspectArchive = async (bytes: Uint8Array): Promise<Result<ArchiveContents, string>> => {
  const declared = checkDeclaredSizes(bytes);
  if (declared !== undefined) return err(declared);
  const layoutParts = new Map<string, Uint8Array>();
  const scanners = new Map<string, CellFaultScanner>();
  const visit = (name: string): PartVisitor | undefined => {
    if (isLayoutPart(name)) {
      const chunks: Uint8Array[] = [];
      return { data: (chunk) => chunks.push(chunk), end: () => layoutParts.set(name, joinChunks(chunks)) };
    }
    if (!isWorksheet(name)) return undefined;
    const scanner = createCellFaultScanner();
    const decoder = new TextDecoder();
    scanners.set(name, scanner);
    return {
      data: (chunk) => {
        scanner.push(decoder.decode(chunk, { stream: true }));
      },
      end: () => {
        scanner.push(decoder.decode());
      },
    };
  };
  const scanned = await scanArchive(bytes, visit);
  if (!scanned.ok) return scanned;
  const faults = new Map(Array.from(scanners, ([name, scanner]) => [name, scanner.faults()] as const));
  return ok({ layoutParts, faults });
};

/** "C14" → 0-based row and column. */
const cellPosition = (cell: string): readonly [number, number] | undefined => {
  const match = /^([A-Z]+)(\d+)$/.exec(cell);
  if (match === null) return undefined;
  let column = 0;
  for (const letter of match[1] ?? '') column = column * 26 + letter.charCodeAt(0) - 64;
  return [Number(match[2]) - 1, column - 1];
};

const faultMessage = (fault: CellFault): string => {
  switch (fault.kind) {
    case 'formula-without-value':
      return `${fault.cell}: the formula has no saved value — open the file in Excel, save it, and import again.`;
    case 'error-value':
      return `${fault.cell} holds ${fault.error === '' ? 'an error' : `the error ${fault.error}`} — fix the formula in Excel, save, and import again.`;
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
const placeFaults = (table: ShapedTable, faults: readonly CellFault[]): WorkbookTable => {
  if (faults.length === 0) return { ...table, cellProblems: [] };
  const rowIndexOf = new Map(table.rowNumbers.map((rowNumber, index) => [rowNumber, index]));
  const cellProblems: CellProblem[] = [];
  for (const fault of faults) {
    const position = cellPosition(fault.cell);
    const row = position === undefined ? undefined : rowIndexOf.get(position[0] + 1);
    const column = position?.[1];
    if (row === undefined || column === undefined || column >= table.headers.length) continue;
    cellProblems.push({ kind: fault.kind, row, column, message: faultMessage(fault) });
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
const suitability = (table: ShapedTable): number => {
  if (table.headers.length === 0) return 0;
  const namesFields =
    table.hasHeaderRow && suggestMapping(table.headers).some((entry) => entry.field !== null);
  return 1 + (table.rows.length > 0 ? 3 : 0) + (table.hasHeaderRow ? 1 : 0) + (namesFields ? 1 : 0);
};

/**
 * Bytes of an .xlsx → the visible sheet that best holds recipients (see suitability; the first on a
 * tie), every cell as the text a person sees (see cellText). Hidden sheets are lookups and scratch, never
 * recipients. Strings keep their surrounding spaces so the table says what the cell says.
 */
export const readXlsx = async (bytes: Uint8Array): Promise<Result<WorkbookTable, string>> => {
  const archive = await inspectArchive(bytes);
  if (!archive.ok) return archive;
  let sheets: Awaited<ReturnType<typeof readXlsxFile>>;
  try {
    sheets = await readXlsxFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      trim: false,
    });
  } catch (error) {
    return err(describeFailure(error));
  }
  const layout = readWorkbookLayout(archive.value.layoutParts, (name) => readArchivePart(bytes, name));
  // Lined up by position; should the two readers ever disagree on the sheets, none counts as hidden.
  const isHidden = (index: number) => layout.hidden.length === sheets.length && layout.hidden[index] === true;
  let best:
    | { readonly table: ShapedTable; readonly index: number; readonly name: string; readonly score: number }
    | undefined;
  for (const [index, { sheet: name, data }] of sheets.entries()) {
    if (isHidden(index)) continue;
    const padding = await layout.zeroPadding(index);
    // Array.from, not map: a gap in a sparse row becomes '' here, since shapeTable keeps full rows as given.
    const table = shapeTable(
      data.map((row, rowIndex) =>
        Array.from(row, (cell: unknown, column) => cellText(cell, padding.get(cellKey(rowIndex, column)))),
      ),
    );
    const score = suitability(table);
    if (score > (best?.score ?? 0)) best = { table, index, name, score };
  }
  if (best === undefined) {
    return err(
      `Every ${sheets.some((_, index) => isHidden(index)) ? 'visible ' : ''}sheet in this workbook is empty.`,
    );
  }
  const faults = archive.value.faults.get(layout.sheetPart(best.index) ?? '') ?? [];
  const table = placeFaults(best.table, faults);
  return ok(sheets.length > 1 ? { ...table, sheetName: best.name } : table);
};
