import { z } from 'zod';
import { recipientFields } from '../recipients/fields.ts';
import { defineCall, defineEvent } from './define.ts';

/** Base64 of the 50 MB the importer accepts, with room for the encoding's third. */
const maxContentBase64Length = 70 * 1024 * 1024;
const maxColumns = 500;

export const columnMappingSchema = z
  .array(z.object({ header: z.string().max(1_000), field: z.enum(recipientFields).nullable() }))
  .max(maxColumns);

/** What an imported file turned out to be, by its content: `xml` is Excel 2003 XML (SpreadsheetML). */
export const importFormats = ['csv', 'tsv', 'xlsx', 'ods', 'fods', 'xml', 'html'] as const;
export type ImportFormat = (typeof importFormats)[number];

export const importedTableSchema = z.object({
  fileName: z.string(),
  format: z.enum(importFormats),
  encoding: z.string().optional(),
  delimiter: z.string().optional(),
  /** Workbooks with more than one sheet only: the sheet that was read. */
  sheetName: z.string().optional(),
  headers: z.array(z.string()),
  hasHeaderRow: z.boolean(),
  rows: z.array(z.array(z.string())),
  /** Per row, the row a spreadsheet shows it on, header counted: what problems name it by. */
  rowNumbers: z.array(z.number().int().positive()).optional(),
  /** The mapping confirmed last time for these headers, else the suggested one. */
  mapping: columnMappingSchema,
  mappingRemembered: z.boolean(),
  signature: z.string(),
  /** Headers more than one column carries: the mapping step names those columns apart. */
  duplicateHeaders: z.array(
    z.object({ header: z.string(), columns: z.array(z.number().int().nonnegative()).max(maxColumns) }),
  ),
  /** Cells not to take at face value, each naming itself (see main/import/cell-problem.ts). */
  cellProblems: z.array(
    z.object({
      kind: z.enum(['formula-without-value', 'error-value', 'unreadable-characters']),
      row: z.number().int().nonnegative(),
      column: z.number().int().nonnegative(),
      message: z.string(),
    }),
  ),
  /** Hex SHA-256 of the file's bytes, recorded with a batch committed from the rows. */
  sha256: z.string(),
});
export type ImportedTableView = z.infer<typeof importedTableSchema>;

export const draftImportFile = defineCall({
  method: 'importFile',
  input: z.strictObject({
    fileName: z.string().min(1).max(255),
    contentBase64: z.string().max(maxContentBase64Length),
  }),
  output: importedTableSchema,
});

export const draftRememberMapping = defineCall({
  method: 'rememberMapping',
  input: z.strictObject({ signature: z.string().min(1).max(20_000), mapping: columnMappingSchema }),
  output: z.object({ remembered: z.boolean() }),
});

export const draftImportProgress = defineEvent({
  method: 'onImportProgress',
  payload: z.object({ fileName: z.string(), fraction: z.number().min(0).max(1) }),
});
