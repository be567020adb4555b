const quote = 0x22;
const lineFeed = 0x0a;
const carriageReturn = 0x0d;

/**
 * The line each record of delimited text starts on (1-based), as a text editor numbers lines. A quoted
 * cell may hold line breaks, so records and lines differ; a quote opens a cell only at the cell's start,
 * as in the import's reader.
 */
const recordLines = (text: string, delimiter: string): number[] => {
  const delimiterCode = delimiter.charCodeAt(0);
  const lines = [1];
  let line = 1;
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
      }
      continue;
    }
    if (isBreak) {
      line++;
      lines.push(line);
      isCellStart = true;
    } else if (code === delimiterCode) {
      isCellStart = true;
    } else {
      if (code === quote && isCellStart) isQuoted = true;
      isCellStart = false;
    }
  }
  return lines;
};

/**
 * The file row of each imported row: the row a spreadsheet shows it on, or the line a text editor shows
 * it on, from the import's own count of where each row sits (ImportedTable.rowNumbers), so the header,
 * blank lines and a title above the header are counted as the import skipped them. A workbook's numbers
 * are its rows already; a text file's are records, each turned into the line it starts on.
 */
export const fileRowNumbers = (input: {
  readonly text: string | undefined;
  readonly delimiter: string | undefined;
  readonly rowNumbers: readonly number[];
}): number[] => {
  if (input.text === undefined || input.delimiter === undefined) return [...input.rowNumbers];
  const lines = recordLines(input.text, input.delimiter);
  return input.rowNumbers.map((record) => lines[record - 1] ?? record);
};
