import readXlsxFile from 'read-excel-file/node';
import { suggestMapping } from '../../common/recipients/column-mapping.ts';
import { err, ok, type Result } from '../../common/result.ts';
import { cellText } from './cell-text.ts';
import { shapeTable, type ShapedTable } from './shape-table.ts';
import { cellKey, readWorkbookLayout } from './workbook-layout.ts';

export interface WorkbookTable extends ShapedTable {
  /** The sheet read, when the workbook has more than one. */
  readonly sheetName?: string;
}

/** Why a workbook could not be read, in words a person can act on. */
const describeFailure = (error: unknown): string => {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  if (code === 'XLS_FILE_NOT_SUPPORTED') {
    return 'This is an old-style Excel .xls workbook. Open it in Excel and save it as .xlsx or CSV, then import that.';
  }
  return 'This file is not a readable Excel workbook (.xlsx). Open it in Excel and save it as .xlsx or CSV, then import again.';
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
  let sheets: Awaited<ReturnType<typeof readXlsxFile>>;
  try {
    sheets = await readXlsxFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      trim: false,
    });
  } catch (error) {
    return err(describeFailure(error));
  }
  const layout = readWorkbookLayout(bytes);
  // Lined up by position; should the two readers ever disagree on the sheets, none counts as hidden.
  const isHidden = (index: number) => layout.hidden.length === sheets.length && layout.hidden[index] === true;
  let best: { readonly table: ShapedTable; readonly name: string; readonly score: number } | undefined;
  for (const [index, { sheet: name, data }] of sheets.entries()) {
    if (isHidden(index)) continue;
    const padding = layout.zeroPadding(index);
    // Array.from, not map: a gap in a sparse row becomes '' here, since shapeTable keeps full rows as given.
    const table = shapeTable(
      data.map((row, rowIndex) =>
        Array.from(row, (cell: unknown, column) => cellText(cell, padding.get(cellKey(rowIndex, column)))),
      ),
    );
    const score = suitability(table);
    if (score > (best?.score ?? 0)) best = { table, name, score };
  }
  if (best === undefined) {
    return err(
      `Every ${sheets.some((_, index) => isHidden(index)) ? 'visible ' : ''}sheet in this workbook is empty.`,
    );
  }
  return ok(sheets.length > 1 ? { ...best.table, sheetName: best.name } : best.table);
};
