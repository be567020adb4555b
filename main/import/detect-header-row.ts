import { suggestMapping } from '../../common/recipients/column-mapping.ts';

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Amounts, phones, ZIPs and numeric IDs: digits with an optional sign, currency and separators. */
const numberLikePattern = /^[+-]?\s?[$€£]?\s?\d[\d\s.,/-]*\s?[$€£]?$/;

/** How many non-blank rows a title, notes or Excel's "sep=" line may push the header row down. */
export const headerSearchRows = 10;

/** A cell no one would type as a column title: an email address or a number of some kind. */
export const looksLikeData = (cell: string): boolean => {
  const text = cell.trim();
  return emailPattern.test(text) || numberLikePattern.test(text);
};

/**
 * How many known fields (by the column aliases) a row of titles names, or undefined when the row is a
 * recipient. A row without an email- or number-looking cell is titles; one with some still is when more
 * of its other cells name a known field than look like data, so a recipient whose message happens to
 * read "Bonus" is not taken for a header.
 */
const titleFields = (cells: readonly string[]): number | undefined => {
  const titles = cells.filter((cell) => !looksLikeData(cell));
  const dataCells = cells.length - titles.length;
  const known = suggestMapping(titles).filter((entry) => entry.field !== null).length;
  return dataCells === 0 || known > dataCells ? known : undefined;
};

/** Whether a row is titles rather than a recipient (see titleFields). */
export const isHeaderRow = (cells: readonly string[]): boolean => titleFields(cells) !== undefined;

/**
 * Which of the non-blank rows is the header: its index, or undefined when the file has none.
 *
 * The rule: the header sits above the first recipient, within the first ten rows. Among the rows of
 * titles above the first row that looks like a recipient (each with a row under it), the one naming the
 * most known fields wins, the earlier on a tie. So a title line ("Holiday bonus list") or Excel's
 * "sep=;" above the header, naming fewer fields, give way to it; when none names a known field (headers
 * all the user's own), the first row is the header, as before. A file whose first row looks like a
 * recipient has no header.
 */
export const findHeaderRow = (rows: readonly (readonly string[])[]): number | undefined => {
  // A lone row is the header of an empty list, or the one recipient.
  if (rows.length === 1) return isHeaderRow(rows[0] ?? []) ? 0 : undefined;
  let header: number | undefined;
  let headerFields = -1;
  const candidates = Math.min(rows.length - 1, headerSearchRows);
  for (let index = 0; index < candidates; index++) {
    const fields = titleFields(rows[index] ?? []);
    if (fields === undefined) break;
    if (fields > headerFields) {
      header = index;
      headerFields = fields;
    }
  }
  return header;
};
