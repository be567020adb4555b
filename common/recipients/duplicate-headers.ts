/** 0 → "A", 25 → "Z", 26 → "AA": the letters a spreadsheet shows above a column. */
export const columnLetters = (index: number): string =>
  (index >= 26 ? columnLetters(Math.floor(index / 26) - 1) : '') + String.fromCharCode(65 + (index % 26));

/** A header that more than one column carries, with those columns (0-based, left to right). */
export interface DuplicateHeader {
  readonly header: string;
  readonly columns: readonly number[];
}

/** The form two headers are the same in: what a person reading them would take as one name. */
const sameForm = (header: string): string =>
  header.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Headers that name more than one column ("Email" in C and in F). Which of them holds the recipients'
 * addresses is for the person to say: a guess here sends money to whichever column came first.
 * Blank headers are left out: the import names those "Column n" itself.
 */
export const findDuplicateHeaders = (headers: readonly string[]): DuplicateHeader[] => {
  const byForm = new Map<string, { header: string; columns: number[] }>();
  headers.forEach((header, column) => {
    const form = sameForm(header);
    if (form === '') return;
    const entry = byForm.get(form);
    if (entry === undefined) byForm.set(form, { header: header.trim(), columns: [column] });
    else entry.columns.push(column);
  });
  return [...byForm.values()].filter((entry) => entry.columns.length > 1);
};

/** "Email (column C)": a column told apart from another of the same header. */
export const columnLabel = (header: string, column: number): string =>
  `${header} (column ${columnLetters(column)})`;

/** A suggested mapping with no field given to any column whose header another column shares. */
export const withoutDuplicateGuesses = <Entry extends { readonly field: unknown }>(
  mapping: readonly Entry[],
  duplicates: readonly DuplicateHeader[],
): Entry[] => {
  const shared = new Set(duplicates.flatMap((duplicate) => duplicate.columns));
  return mapping.map((entry, column) => (shared.has(column) ? { ...entry, field: null } : entry));
};
