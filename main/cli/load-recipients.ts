import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { applyMapping, suggestMapping, type ColumnMapping } from '../../common/recipients/column-mapping.ts';
import { columnLetters, type DuplicateHeader } from '../../common/recipients/duplicate-headers.ts';
import { fieldLabels, type RecipientRow } from '../../common/recipients/fields.ts';
import { err, ok, type Result } from '../../common/result.ts';
import { importFile, maxImportBytes, type ImportedTable } from '../import/import-file.ts';
import { applyColumnOverrides, type ColumnOverride } from './column-overrides.ts';

export interface LoadedRecipients {
  readonly fileName: string;
  readonly table: ImportedTable;
  readonly mapping: ColumnMapping;
  readonly rows: RecipientRow[];
  /** Per row, its values in the columns that fill no field: kept aside with the batch, never sent. */
  readonly extras: readonly Readonly<Record<string, string>>[];
  /** Hex SHA-256 of the file's bytes, recorded with the batch. */
  readonly sha256: string;
  /** Per row, the row a spreadsheet shows it on (see ImportedTable.rowNumbers). */
  readonly rowNumbers: readonly number[];
  /** Said on stderr before anything else: choices the CLI made that the person should know of. */
  readonly warnings: readonly string[];
  /** Cells of mapped columns whose value cannot be trusted (a formula without a value, an error). */
  readonly cellErrors: readonly { readonly row: number; readonly column: string; readonly message: string }[];
}

/**
 * What became of columns sharing a header. The app asks; the CLI cannot, so it keeps the leftmost as
 * it always has and says so, naming every column, since the other may be the one meant.
 */
const duplicateWarning = ({ header, columns }: DuplicateHeader, mapping: ColumnMapping): string => {
  const letters = columns.map(columnLetters);
  const listed = `${letters.slice(0, -1).join(', ')} and ${letters.at(-1) ?? ''}`;
  const lead = `columns ${listed} are ${columns.length === 2 ? 'both' : 'all'} headed "${header}"`;
  const used = columns.find((column) => (mapping[column]?.field ?? null) !== null);
  const field = used === undefined ? null : (mapping[used]?.field ?? null);
  if (used === undefined || field === null) return `${lead}; none of them fills a field.`;
  const others = letters.filter((letter) => letter !== columnLetters(used)).join(', ');
  return `${lead}; used column ${columnLetters(used)} for ${fieldLabels[field]} and kept ${others} aside. Rename the columns in the file to choose another.`;
};

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
 * mapping suggested from column aliases), with --map on top, and each row's row in the file.
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
  // The import leaves columns sharing a header unmapped for the app to ask about; here the leftmost
  // keeps its guess, and duplicateWarning says so.
  const guessed =
    table.duplicateHeaders.length === 0 ? table.suggestedMapping : suggestMapping(table.headers);
  const mapping = applyColumnOverrides(guessed, overrides);
  if (!mapping.ok) return mapping;
  const isMapped = (column: number) => (mapping.value[column]?.field ?? null) !== null;
  const mapped = applyMapping(table, mapping.value);
  const keptAside = table.headers.filter(
    (header, column) => !isMapped(column) && !table.duplicateHeaders.some((dup) => dup.header === header),
  );
  return ok({
    fileName,
    table,
    mapping: mapping.value,
    rows: mapped.rows,
    extras: mapped.extras,
    sha256: createHash('sha256').update(bytes.value).digest('hex'),
    warnings: [
      ...table.duplicateHeaders.map((duplicate) => duplicateWarning(duplicate, mapping.value)),
      ...(keptAside.length === 0
        ? []
        : [
            `${keptAside.map((header) => `"${header}"`).join(', ')} ${keptAside.length === 1 ? 'fills' : 'fill'} no recipient field: kept aside with each row in the ledger and the audit export, never sent.`,
          ]),
    ],
    // Unreadable characters are left to the row validation, which refuses them in any field.
    cellErrors: table.cellProblems
      .filter((problem) => problem.kind !== 'unreadable-characters' && isMapped(problem.column))
      .map((problem) => ({
        row: problem.row,
        column: table.headers[problem.column] ?? columnLetters(problem.column),
        message: problem.message,
      })),
    rowNumbers: table.rowNumbers,
  });
};
