import Papa from 'papaparse';

/** Excel reads a CSV as UTF-8 only when it starts with a byte order mark. */
export const utf8Bom = '\uFEFF';
export const csvNewline = '\r\n';

/**
 * Spreadsheet formula injection (OWASP "CSV Injection"): a cell beginning with =, +, -, @, tab or
 * carriage return gets a leading ' so a spreadsheet shows it as text instead of evaluating it. A plain
 * E.164 phone number (+ and up to 15 digits, no formula possible) is left as it is, so numbers stay usable.
 */
export const formulaPrefix = /^(?!\+[1-9]\d{1,14}$)[=+\-@\t\r]/;

/**
 * CSV lines for these records, each ending in CRLF, every cell neutralised by papaparse's own
 * `escapeFormulae`. Cells are strings only: papaparse leaves number cells unescaped.
 */
export const encodeCsvRecords = (records: string[][]): string =>
  records.length === 0
    ? ''
    : Papa.unparse(records, { newline: csvNewline, escapeFormulae: formulaPrefix }) + csvNewline;
