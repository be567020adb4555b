const quote = 0x22;
const lineFeed = 0x0a;
const carriageReturn = 0x0d;

/** A record of delimited text: the line it starts on (1-based) and whether every cell is blank. */
interface RecordStart {
  readonly line: number;
  readonly isBlank: boolean;
}

/** Not whitespace as trim() sees it; printable ASCII is answered without a regular expression. */
const isVisible = (text: string, at: number, code: number): boolean =>
  (code > 0x20 && code < 0x7f) || !/\s/.test(text.charAt(at));

/**
 * Where each record of delimited text starts, as a text editor numbers lines. A quoted cell may hold
 * line breaks, so records and lines differ; a quote opens a cell only at the cell's start, as in the
 * import's readers.
 */
const recordStarts = (text: string, delimiter: string): RecordStart[] => {
  const delimiterCode = delimiter.charCodeAt(0);
  const starts: RecordStart[] = [];
  let line = 1;
  let recordLine = 1;
  let hasContent = false;
  let isQuoted = false;
  let isCellStart = true;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    const isBreak = code === lineFeed || code === carriageReturn;
    // "\r\n" is one line break.
    if (isBreak && code === carriageReturn && text.charCodeAt(at + 1) === lineFeed) at++;
    if (isQuoted) {
      if (isBreak) line++;
      else if (code === quote) {
        if (text.charCodeAt(at + 1) === quote) at++;
        else isQuoted = false;
      } else if (isVisible(text, at, code)) hasContent = true;
      continue;
    }
    if (isBreak) {
      starts.push({ line: recordLine, isBlank: !hasContent });
      line++;
      recordLine = line;
      hasContent = false;
      isCellStart = true;
    } else if (code === delimiterCode) {
      isCellStart = true;
    } else if (code === quote && isCellStart) {
      isQuoted = true;
      isCellStart = false;
    } else {
      isCellStart = false;
      if (isVisible(text, at, code)) hasContent = true;
    }
  }
  starts.push({ line: recordLine, isBlank: !hasContent });
  return starts;
};

/**
 * The file row of each imported data row: the line a text editor (or the row a spreadsheet) shows it
 * on, counting the header and the blank lines the import skipped. When the text cannot be lined up with
 * the imported rows, and for workbooks, the rows are counted straight down from the header.
 */
export const fileRowNumbers = (input: {
  readonly text: string | undefined;
  readonly delimiter: string | undefined;
  readonly hasHeaderRow: boolean;
  readonly dataRows: number;
}): number[] => {
  const firstDataRow = input.hasHeaderRow ? 2 : 1;
  const counted = Array.from({ length: input.dataRows }, (_, index) => index + firstDataRow);
  if (input.text === undefined || input.delimiter === undefined) return counted;
  const filled = recordStarts(input.text, input.delimiter).filter((record) => !record.isBlank);
  const data = input.hasHeaderRow ? filled.slice(1) : filled;
  return data.length === input.dataRows ? data.map((record) => record.line) : counted;
};
