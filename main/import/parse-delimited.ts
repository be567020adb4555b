import Papa from 'papaparse';
import { err, ok, type Result } from '../../common/result.ts';
import { throttleProgress, type ProgressListener } from './progress.ts';
import { shapeTable, type ShapedTable } from './shape-table.ts';

export type Delimiter = ',' | ';' | '\t';

export interface DelimitedTable extends ShapedTable {
  readonly delimiter: Delimiter;
}

export interface ParseDelimitedOptions {
  readonly onProgress?: ProgressListener;
  /** Characters per parsing step; by default the text is split in about 16 steps. */
  readonly chunkSize?: number;
}

const delimiters: readonly Delimiter[] = [',', ';', '\t'];
const newlines = ['\r\n', '\n', '\r'] as const;
type Newline = (typeof newlines)[number];
const minimumChunkSize = 64 * 1024;

const isDelimiter = (value: string): value is Delimiter => (delimiters as readonly string[]).includes(value);

/** Enough text for the first rows of any sane file, without scanning a 50 MB one. */
const previewLength = 1024 * 1024;

/** Excel's first line naming the separator ("sep=;"); Excel reads it as a setting, never as a row. */
const separatorLine = /^sep=(.)(?:\r\n|\n|\r|$)/i;

const separatorHint = (text: string): Delimiter | undefined => {
  const hint = separatorLine.exec(text)?.[1];
  return hint !== undefined && isDelimiter(hint) ? hint : undefined;
};

/**
 * Separator and line break, guessed once from the first rows. Left to papaparse in chunked mode they
 * would be guessed from the first chunk alone, and a chunk that ends between "\r" and "\n" or inside
 * the header row guesses wrong. A "sep=" line naming one of ours overrides the guess, as it does in Excel.
 */
const detectLayout = (text: string): { readonly delimiter: Delimiter; readonly newline: Newline } => {
  const preview = Papa.parse<string[]>(text.slice(0, previewLength), {
    preview: 10,
    delimitersToGuess: [...delimiters],
    skipEmptyLines: 'greedy',
  });
  const { delimiter, linebreak } = preview.meta;
  const newline = newlines.find((candidate) => candidate === linebreak) ?? '\n';
  const guessed = isDelimiter(delimiter) ? delimiter : ',';
  return { delimiter: separatorHint(text) ?? guessed, newline };
};

/** 1-based line of a character offset, as a text editor would show it. */
const lineAt = (text: string, offset: number): number =>
  (text.slice(0, offset).match(/\r\n|\r|\n/g)?.length ?? 0) + 1;

const describeQuoteError = (error: Papa.ParseError, line: number): string =>
  error.code === 'MissingQuotes'
    ? `Line ${line}: a value opens a quote (") that is never closed, so the rest of the file would be read ` +
      'as one cell. Close the quote or remove it, then import again.'
    : `Line ${line}: a quoted value has text after its closing quote (") before the next separator. ` +
      'Put the whole value inside the quotes, doubling any quote inside it (""), then import again.';

/**
 * Delimited text → a table of text cells. The separator is guessed among comma, semicolon and tab;
 * quoted cells keep their newlines, commas and spaces; nothing is typed, so "00123" and "+15551234567"
 * stay as written. Cells are not trimmed here: applyMapping trims values, and untrimmed text is what
 * the file says. A malformed quote is an error value naming the line, never a half-read table.
 *
 * The text is parsed in chunks and the event loop gets a turn between them, so a big file neither
 * freezes the main process nor reports progress more than about 20 times.
 */
export const parseDelimited = (
  text: string,
  options: ParseDelimitedOptions = {},
): Promise<Result<DelimitedTable, string>> =>
  new Promise((resolve) => {
    const progress = throttleProgress(options.onProgress);
    const rawRows: string[][] = [];
    let quoteError: { readonly error: Papa.ParseError; readonly offset: number } | undefined;
    let chunkStart = 0;
    const { delimiter, newline } = detectLayout(text);
    const hasSeparatorLine = separatorLine.test(text);

    const settle = (): void => {
      if (quoteError !== undefined) {
        resolve(err(describeQuoteError(quoteError.error, lineAt(text, quoteError.offset))));
        return;
      }
      progress.finish();
      // Excel reads the "sep=" line as a setting and shows the header as row 1, so it is no row here either.
      if (hasSeparatorLine) rawRows.shift();
      resolve(ok({ ...shapeTable(rawRows), delimiter }));
    };

    Papa.parse<string[]>(text, {
      delimiter,
      newline,
      // shapeTable drops blank rows anyway (the same rule as 'greedy'); asking papaparse too would join
      // and trim every row of the file a second time.
      skipEmptyLines: false,
      dynamicTyping: false,
      header: false,
      chunkSize: options.chunkSize ?? Math.max(minimumChunkSize, Math.ceil(text.length / 16)),
      chunk: (results: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
        for (const row of results.data) rawRows.push(row);
        const isLastChunk = results.meta.cursor >= text.length;
        for (const error of results.errors) {
          // Offsets are relative to the chunk. An error past the cursor lies in the unfinished row that is
          // parsed again with the next chunk (a closing quote whose newline had not arrived yet), so only
          // the last chunk's say counts there.
          const offset = chunkStart + (error.index ?? 0);
          if (
            error.type === 'Quotes' &&
            quoteError === undefined &&
            (isLastChunk || offset < results.meta.cursor)
          ) {
            quoteError = { error, offset };
          }
        }
        chunkStart = results.meta.cursor;
        if (quoteError !== undefined) {
          parser.abort();
          return;
        }
        if (isLastChunk) return;
        progress.report(results.meta.cursor / text.length);
        parser.pause();
        setImmediate(() => {
          parser.resume();
        });
      },
      complete: settle,
    });
  });
