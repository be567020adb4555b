import readXlsxFile from 'read-excel-file/node';
import { err, ok, type Result } from '../../common/result.ts';
import { cellText } from './cell-text.ts';
import { shapeTable, type ShapedTable } from './shape-table.ts';

/** Why a workbook could not be read, in words a person can act on. */
const describeFailure = (error: unknown): string => {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  if (code === 'XLS_FILE_NOT_SUPPORTED') {
    return 'This is an old-style Excel .xls workbook. Open it in Excel and save it as .xlsx or CSV, then import that.';
  }
  return 'This file is not a readable Excel workbook (.xlsx). Open it in Excel and save it as .xlsx or CSV, then import again.';
};

const hasAnyValue = (rows: readonly (readonly string[])[]): boolean =>
  rows.some((row) => row.some((cell) => cell.trim() !== ''));

/**
 * Bytes of an .xlsx → the first sheet that has anything in it, every cell as the text a person sees
 * (see cellText). Strings keep their surrounding spaces so the table says what the cell says.
 */
export const readXlsx = async (bytes: Uint8Array): Promise<Result<ShapedTable, string>> => {
  let sheets: Awaited<ReturnType<typeof readXlsxFile>>;
  try {
    sheets = await readXlsxFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      trim: false,
    });
  } catch (error) {
    return err(describeFailure(error));
  }
  for (const { data } of sheets) {
    // Array.from, not map: a gap in a sparse row becomes '' here, since shapeTable keeps full rows as given.
    const rows = data.map((row) => Array.from(row, (cell: unknown) => cellText(cell)));
    if (hasAnyValue(rows)) return ok(shapeTable(rows));
  }
  return err('Every sheet in this workbook is empty.');
};
