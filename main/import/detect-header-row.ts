import { suggestMapping } from '../../common/recipients/column-mapping.ts';

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Amounts, phones, ZIPs and numeric IDs: digits with an optional sign, currency and separators. */
const numberLikePattern = /^[+-]?\s?[$€£]?\s?\d[\d\s.,/-]*\s?[$€£]?$/;

/** A cell no one would type as a column title: an email address or a number of some kind. */
export const looksLikeData = (cell: string): boolean => {
  const text = cell.trim();
  return emailPattern.test(text) || numberLikePattern.test(text);
};

/**
 * Whether the first row is titles rather than the first recipient. A row without an email- or number-
 * looking cell is titles; one with some still is when more of its other cells name a known field than
 * look like data, so a recipient whose message happens to read "Bonus" is not taken for a header.
 */
export const isHeaderRow = (cells: readonly string[]): boolean => {
  const dataCells = cells.filter(looksLikeData).length;
  if (dataCells === 0) return true;
  const titleCells = cells.filter((cell) => !looksLikeData(cell));
  const knownFields = suggestMapping(titleCells).filter((entry) => entry.field !== null).length;
  return knownFields > dataCells;
};
