import { maxDraftRows } from '../../common/contract/drafts.ts';
import type { ImportFormat } from '../../common/contract/import.ts';
import {
  headerSignature,
  suggestMapping,
  type ColumnMapping,
} from '../../common/recipients/column-mapping.ts';
import {
  findDuplicateHeaders,
  withoutDuplicateGuesses,
  type DuplicateHeader,
} from '../../common/recipients/duplicate-headers.ts';
import { err, ok, type Result } from '../../common/result.ts';
import type { CellProblem } from './cell-problem.ts';
import { decodeText, type TextEncodingName } from './decode-text.ts';
import { unreadableCells } from './unreadable-cells.ts';
import { parseDelimited, type Delimiter } from './parse-delimited.ts';
import type { ProgressListener } from './progress.ts';
import { readXlsx } from './read-xlsx.ts';
import type { WorkbookTable } from './workbook-table.ts';
import { readMarkup, readOds } from './read-markup.ts';
import {
  isLegacyOffice,
  isZip,
  looksBinary,
  openDocumentType,
  sniffMarkup,
  type MarkupFormat,
} from './sniff-bytes.ts';

/** Bigger than any recipient list we expect, small enough to hold in memory twice over. */
export const maxImportBytes = 50 * 1024 * 1024;

export interface ImportedTable {
  readonly fileName: string;
  readonly format: ImportFormat;
  /** Text files only: how the bytes were read. */
  readonly encoding?: TextEncodingName;
  /** Text files only: the separator found. */
  readonly delimiter?: Delimiter;
  /** Workbooks with more than one sheet only: the sheet read. */
  readonly sheetName?: string;
  readonly headers: string[];
  /** False when the file had no header row and `headers` are the made-up "Column 1…n". */
  readonly hasHeaderRow: boolean;
  readonly rows: string[][];
  /**
   * Per row, the row number a spreadsheet shows it on (header, blank rows and lines above the header
   * counted; a text record whose quoted cell spans lines is one row, as Excel opens it).
   */
  readonly rowNumbers: readonly number[];
  /** A first guess per column; a column whose header another shares is left for the person to map. */
  readonly suggestedMapping: ColumnMapping;
  /** headerSignature(headers): the key a confirmed mapping is remembered under. */
  readonly signature: string;
  /** Headers more than one column carries, with their columns. */
  readonly duplicateHeaders: readonly DuplicateHeader[];
  /** Cells not to take at face value (see CellProblem), in file order. */
  readonly cellProblems: readonly CellProblem[];
}

export interface ImportFileInput {
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly onProgress?: ProgressListener;
}

const hasExtension = (fileName: string, extension: string): boolean =>
  fileName.toLowerCase().endsWith(`.${extension}`);

/** Rounded up, so a file just over the limit never reads as the limit itself. */
const megabytes = (bytes: number): string => String(Math.ceil((bytes / (1024 * 1024)) * 10) / 10);

const emptyFileMessage = (fileName: string): string => `"${fileName}" is empty: there is nothing to import.`;

const count = (value: number): string => value.toLocaleString('en-US');

const finish = (
  fileName: string,
  table: WorkbookTable,
  details: Pick<ImportedTable, 'format' | 'encoding' | 'delimiter'>,
): Result<ImportedTable, string> => {
  if (table.headers.length === 0) return err(emptyFileMessage(fileName));
  if (table.rows.length === 0) {
    const sheet = table.sheetName === undefined ? '' : ` (sheet "${table.sheetName}")`;
    return err(`"${fileName}"${sheet} has a header row but no recipients under it.`);
  }
  // Refused here, where the file is named, rather than by the draft's autosave after the import.
  if (table.rows.length > maxDraftRows) {
    return err(
      `"${fileName}" has ${count(table.rows.length)} rows; a draft holds at most ${count(maxDraftRows)}. ` +
        'Split it into smaller files and import them one at a time.',
    );
  }
  const duplicateHeaders = table.hasHeaderRow ? findDuplicateHeaders(table.headers) : [];
  return ok({
    fileName,
    ...details,
    ...(table.sheetName === undefined ? {} : { sheetName: table.sheetName }),
    headers: table.headers,
    hasHeaderRow: table.hasHeaderRow,
    rows: table.rows,
    rowNumbers: table.rowNumbers,
    suggestedMapping: withoutDuplicateGuesses(suggestMapping(table.headers), duplicateHeaders),
    signature: headerSignature(table.headers),
    duplicateHeaders,
    cellProblems: table.cellProblems,
  });
};

const markupFormats: Readonly<Record<MarkupFormat, ImportFormat>> = {
  html: 'html',
  spreadsheetml: 'xml',
  fods: 'fods',
};

const importText = async (input: ImportFileInput): Promise<Result<ImportedTable, string>> => {
  const { text, encoding } = decodeText(input.bytes);
  const markup = sniffMarkup(text);
  if (markup !== undefined) {
    const table = await readMarkup(markup, text);
    if (!table.ok) return err(`"${input.fileName}": ${table.error}`);
    input.onProgress?.(1);
    return finish(input.fileName, table.value, { format: markupFormats[markup], encoding });
  }
  if (looksBinary(text)) {
    return err(
      `"${input.fileName}" is not a spreadsheet GiftBatch can read. Import a CSV, tab-separated text, .xlsx or .ods file.`,
    );
  }
  if (text.trim() === '') return err(emptyFileMessage(input.fileName));
  const parsed = await parseDelimited(text, input.onProgress ? { onProgress: input.onProgress } : {});
  if (!parsed.ok) return err(`"${input.fileName}" could not be read. ${parsed.error}`);
  const { delimiter } = parsed.value;
  // A U+FFFD is a byte that was not UTF-8 (or one that a tool already gave up on): worth a look only
  // when the text has one at all.
  const cellProblems = text.includes('\uFFFD') ? unreadableCells(parsed.value) : [];
  return finish(
    input.fileName,
    { ...parsed.value, cellProblems },
    {
      format: delimiter === '\t' ? 'tsv' : 'csv',
      encoding,
      delimiter,
    },
  );
};

/**
 * The bytes of a file the person chose → a table of text and a suggested column mapping, or a message
 * saying what is wrong and what to do. The content decides what the file is, whatever its name: an
 * OpenDocument spreadsheet by the mimetype its ZIP opens with, an .xlsx by its ZIP signature (or its
 * name); other text is an HTML table, an Excel 2003 XML workbook or a flat .fods by its first element
 * (see sniffMarkup), else delimited text, in whichever encoding it turns out to be.
 */
export const importFile = async (input: ImportFileInput): Promise<Result<ImportedTable, string>> => {
  const { fileName, bytes } = input;
  if (bytes.length === 0) return err(emptyFileMessage(fileName));
  if (bytes.length > maxImportBytes) {
    return err(
      `"${fileName}" is ${megabytes(bytes.length)} MB; the limit is ${megabytes(maxImportBytes)} MB. ` +
        'Split it into smaller files and import them one at a time.',
    );
  }
  // By content only: web apps often name tab-separated text ".xls", and that reads fine as text.
  if (isLegacyOffice(bytes)) {
    return err(
      `"${fileName}" is an old-style Excel .xls workbook. Save it as .xlsx or CSV in Excel, then import that.`,
    );
  }
  const openDocument = openDocumentType(bytes);
  if (openDocument !== undefined) {
    if (!openDocument.endsWith('.spreadsheet')) {
      return err(
        `"${fileName}" is an OpenDocument file but not a spreadsheet (${openDocument}). Import a CSV, ` +
          'tab-separated text, .xlsx or .ods file.',
      );
    }
    const table = await readOds(bytes);
    if (!table.ok) return err(`"${fileName}": ${table.error}`);
    input.onProgress?.(1);
    return finish(fileName, table.value, { format: 'ods' });
  }
  if (isZip(bytes) || hasExtension(fileName, 'xlsx')) {
    const table = await readXlsx(bytes);
    if (!table.ok) return err(`"${fileName}": ${table.error}`);
    input.onProgress?.(1);
    return finish(fileName, table.value, { format: 'xlsx' });
  }
  return importText(input);
};
