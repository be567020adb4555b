import { err, ok, type Result } from '../../common/result.ts';
import { checkDeclaredSizes, unreadableWorkbookMessage } from './archive-limits.ts';
import { createOpenDocumentHandler } from './read-opendocument.ts';
import { readHtmlTables } from './read-html-table.ts';
import { createSpreadsheetMlHandler } from './read-spreadsheet-ml.ts';
import { scanArchive } from './scan-archive.ts';
import type { GridSheet } from './sheet-grid.ts';
import type { MarkupFormat } from './sniff-bytes.ts';
import { bestSheet, type WorkbookTable } from './workbook-table.ts';
import { createXmlReader, type XmlHandler } from './xml-events.ts';

/** Characters handed to the XML parser at a time, with a turn of the event loop between. */
const sliceLength = 1024 * 1024;

const nextTurn = (): Promise<void> =>
  new Promise((resolve) => {
    setImmediate(resolve);
  });

type SheetHandler = XmlHandler & {
  readonly sheets: () => readonly GridSheet[];
  readonly refusal: () => string | undefined;
};

const formatNames: Readonly<Record<MarkupFormat | 'ods', string>> = {
  html: 'web page (HTML)',
  spreadsheetml: 'Excel 2003 XML workbook',
  fods: 'flat OpenDocument spreadsheet (.fods)',
  ods: 'OpenDocument spreadsheet (.ods)',
};

const resaveAdvice: Readonly<Record<MarkupFormat | 'ods', string>> = {
  html: 'Open it in Excel or LibreOffice and save it as .xlsx or CSV, then import that.',
  spreadsheetml: 'Open it in Excel and save it as .xlsx or CSV, then import that.',
  fods: 'Save it as .xlsx or CSV in LibreOffice, then import that.',
  ods: 'Save it as .xlsx or CSV in LibreOffice, then import that.',
};

const application = (format: MarkupFormat | 'ods'): string =>
  format === 'fods' || format === 'ods' ? 'LibreOffice' : 'Excel';

const finish = (
  format: MarkupFormat | 'ods',
  sheets: readonly GridSheet[],
  refusal: string | undefined,
  malformed?: string,
): Result<WorkbookTable, string> => {
  if (refusal !== undefined) return err(refusal);
  if (malformed !== undefined) {
    return err(
      `This ${formatNames[format]} is not well-formed (${malformed.trim()}), so it cannot be read ` +
        `faithfully. ${resaveAdvice[format]}`,
    );
  }
  if (sheets.length === 0) {
    return err(`This ${formatNames[format]} holds no table of recipients. ${resaveAdvice[format]}`);
  }
  const best = bestSheet(sheets, application(format));
  return 'refusal' in best ? err(best.refusal) : ok(best.table);
};

/** XML text through a sheet handler, a slice at a time, stopping at the first refusal. */
const readXml = async (
  format: MarkupFormat | 'ods',
  text: string,
  handler: SheetHandler,
): Promise<Result<WorkbookTable, string>> => {
  const reader = createXmlReader(handler);
  for (let at = 0; at < text.length && handler.refusal() === undefined; at += sliceLength) {
    reader.write(text.slice(at, at + sliceLength));
    await nextTurn();
  }
  const malformed = handler.refusal() === undefined ? reader.close() : undefined;
  return finish(format, handler.sheets(), handler.refusal(), malformed);
};

/** Decoded text of an HTML table, an Excel 2003 XML workbook or a flat .fods → the best sheet. */
export const readMarkup = async (
  format: MarkupFormat,
  text: string,
): Promise<Result<WorkbookTable, string>> => {
  switch (format) {
    case 'html': {
      const { sheets, refusal } = await readHtmlTables(text);
      return finish(format, sheets, refusal);
    }
    case 'spreadsheetml':
      return readXml(format, text, createSpreadsheetMlHandler());
    case 'fods':
      return readXml(format, text, createOpenDocumentHandler());
    default: {
      const unexpected: never = format;
      throw new Error(`Unknown markup format ${String(unexpected)}`);
    }
  }
};

/**
 * An .ods (a ZIP) → the best sheet. Its content.xml is unpacked under the import's limits (see
 * scan-archive.ts) and parsed as it streams, so it is never held whole.
 */
export const readOds = async (bytes: Uint8Array): Promise<Result<WorkbookTable, string>> => {
  const declared = checkDeclaredSizes(bytes);
  if (declared !== undefined) return err(declared);
  const handler = createOpenDocumentHandler();
  const reader = createXmlReader(handler);
  const decoder = new TextDecoder();
  const seen = { content: false };
  const scanned = await scanArchive(bytes, (name) =>
    name === 'content.xml'
      ? {
          data: (chunk) => {
            seen.content = true;
            if (handler.refusal() === undefined) reader.write(decoder.decode(chunk, { stream: true }));
          },
          end: () => {
            reader.write(decoder.decode());
          },
        }
      : undefined,
  );
  if (!scanned.ok) {
    return err(
      scanned.error === unreadableWorkbookMessage
        ? `This ${formatNames.ods} cannot be unpacked. ${resaveAdvice.ods}`
        : scanned.error,
    );
  }
  if (!seen.content) return finish('ods', [], undefined);
  const malformed = handler.refusal() === undefined ? reader.close() : undefined;
  return finish('ods', handler.sheets(), handler.refusal(), malformed);
};
