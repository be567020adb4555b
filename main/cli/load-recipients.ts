import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { applyMapping, type ColumnMapping } from '../../common/recipients/column-mapping.ts';
import type { RecipientRow } from '../../common/recipients/fields.ts';
import { err, ok, type Result } from '../../common/result.ts';
import { decodeText } from '../import/decode-text.ts';
import { importFile, maxImportBytes, type ImportedTable } from '../import/import-file.ts';
import { applyColumnOverrides, type ColumnOverride } from './column-overrides.ts';
import { fileRowNumbers } from './file-rows.ts';

export interface LoadedRecipients {
  readonly fileName: string;
  readonly table: ImportedTable;
  readonly mapping: ColumnMapping;
  readonly rows: RecipientRow[];
  /** Per row, its row number in the file (header, skipped blank lines and title lines counted). */
  readonly fileRows: readonly number[];
}

const describeReadError = (filePath: string, error: unknown): string => {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  if (code === 'ENOENT') return `There is no file "${filePath}".`;
  if (code === 'EISDIR') return `"${filePath}" is a folder, not a file.`;
  if (code === 'EACCES' || code === 'EPERM') return `"${filePath}" cannot be read: permission denied.`;
  return `"${filePath}" cannot be read: ${error instanceof Error ? error.message : String(error)}`;
};

const readBytes = async (filePath: string): Promise<Result<Uint8Array, string>> => {
  try {
    // Refused before it is read into memory: a mistaken path to a disk image should not exhaust it.
    const { size } = await stat(filePath);
    if (size > maxImportBytes) {
      const megabytes = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);
      return err(
        `"${path.basename(filePath)}" is ${megabytes(size)} MB; the limit is ${megabytes(maxImportBytes)} MB. ` +
          'Split it into smaller files and send them one at a time.',
      );
    }
    return ok(await readFile(filePath));
  } catch (error) {
    return err(describeReadError(filePath, error));
  }
};

/**
 * A recipient file read exactly as the app's import reads it (encoding, separator, header row, the
 * mapping suggested from column aliases), with --map on top, and each row's place in the file.
 */
export const loadRecipients = async (
  filePath: string,
  overrides: readonly ColumnOverride[],
): Promise<Result<LoadedRecipients, string>> => {
  const bytes = await readBytes(filePath);
  if (!bytes.ok) return bytes;
  const fileName = path.basename(filePath);
  const imported = await importFile({ fileName, bytes: bytes.value });
  if (!imported.ok) return imported;
  const table = imported.value;
  const mapping = applyColumnOverrides(table.suggestedMapping, overrides);
  if (!mapping.ok) return mapping;
  const isText = table.format !== 'xlsx';
  return ok({
    fileName,
    table,
    mapping: mapping.value,
    rows: applyMapping(table, mapping.value).rows,
    fileRows: fileRowNumbers({
      text: isText ? decodeText(bytes.value).text : undefined,
      delimiter: table.delimiter,
      rowNumbers: table.rowNumbers,
    }),
  });
};
