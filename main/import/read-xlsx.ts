import readXlsxFile from 'read-excel-file/node';
import { err, ok, type Result } from '../../common/result.ts';
import { checkDeclaredSizes, unreadableWorkbookMessage } from './archive-limits.ts';
import { cellText } from './cell-text.ts';
import { createCellFaultScanner, type CellFault, type CellFaultScanner } from './cell-faults.ts';
import { placeFaults, suitability, type WorkbookTable } from './workbook-table.ts';
import { joinChunks, readArchivePart, scanArchive, type PartVisitor } from './scan-archive.ts';
import { shapeTable, type ShapedTable } from './shape-table.ts';
import { cellKey, isLayoutPart, readWorkbookLayout } from './workbook-layout.ts';

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
