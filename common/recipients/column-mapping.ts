import { columnAliases, headerKey } from './column-aliases.ts';
import { recipientFields, type RecipientField, type RecipientRow } from './fields.ts';

/** Which field, if any, one column fills. */
export interface ColumnMappingEntry {
  readonly header: string;
  readonly field: RecipientField | null;
}

/** One entry per column, in column order. */
export type ColumnMapping = readonly ColumnMappingEntry[];

/** An imported sheet as text: one header per column, every row as typed. */
export interface TextTable {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export interface MappedRows {
  readonly rows: RecipientRow[];
  /** Per row, the values of the columns that fill no field, by header: nothing imported is dropped. */
  readonly extras: Record<string, string>[];
}

/** "Recipient E-mail (work)" → ["recipient", "e", "mail", "work"]; camelCase splits too. */
const words = (text: string): string[] =>
  text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');

/** "Amount (USD)" → "Amount": a bracketed qualifier does not change what the column holds. */
const withoutQualifiers = (header: string): string => header.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ');

const endsWithSequence = (haystack: readonly string[], needle: readonly string[], end: number): boolean =>
  needle.every((word, index) => haystack[end - needle.length + index] === word);

/** Where the alias's words occur as a run in the header's words: the end index of the last run, or -1. */
const lastRunEnd = (haystack: readonly string[], needle: readonly string[]): number => {
  for (let end = haystack.length; end >= needle.length; end--) {
    if (endsWithSequence(haystack, needle, end)) return end;
  }
  return -1;
};

/**
 * Compared left to right, higher is better: [match kind, ends the header, alias words, alias length,
 * -alias rank]. Exact matches compare on rank alone: the alias listed first is the more canonical one.
 */
type Score = readonly [number, number, number, number, number];

const compareScores = (a: Score, b: Score): number => {
  for (let index = 0; index < a.length; index++) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
};

interface Candidate {
  readonly column: number;
  readonly field: RecipientField;
  readonly score: Score;
}

/**
 * Exact alias (3), exact once a bracketed qualifier is dropped (2), or the alias's words inside the header
 * (1). The contains-match is kept conservative: whole words only, and a one-word alias must be the
 * header's last word (its head noun), so "Gift Card Amount" is an amount but "Last Updated" is no name.
 */
const scoreAlias = (header: string, alias: string, rank: number): Score | undefined => {
  const aliasKey = headerKey(alias);
  if (aliasKey === '') return undefined;
  if (headerKey(header) === aliasKey) return [3, 0, 0, 0, -rank];
  const core = withoutQualifiers(header);
  if (headerKey(core) === aliasKey) return [2, 0, 0, 0, -rank];
  const headerWords = words(core);
  const aliasWords = words(alias);
  const end = lastRunEnd(headerWords, aliasWords);
  if (end === -1) return undefined;
  const isHeadNoun = end === headerWords.length;
  if (!isHeadNoun && aliasWords.length < 2) return undefined;
  return [1, isHeadNoun ? 1 : 0, aliasWords.length, aliasKey.length, -rank];
};

const nameFields: ReadonlySet<RecipientField> = new Set(['first_name', 'last_name', 'name']);

/**
 * "Preferred Name", "Nickname", "Known As": not the legal name. Mapped to Name it would replace first +
 * last name on the card ("To: Deb" while the message says Deborah), so the person chooses it by hand.
 */
const isNicknameHeader = (header: string): boolean => {
  const key = headerKey(header);
  return /preferred|nick|knownas|goesby|display|chosen|alias|callme/.test(key);
};

const bestCandidate = (header: string, column: number): Candidate | undefined => {
  let best: Candidate | undefined;
  const nickname = isNicknameHeader(header);
  for (const field of recipientFields) {
    if (nickname && nameFields.has(field)) continue;
    columnAliases[field].forEach((alias, rank) => {
      const score = scoreAlias(header, alias, rank);
      if (score !== undefined && (best === undefined || compareScores(score, best.score) > 0)) {
        best = { column, field, score };
      }
    });
  }
  return best;
};

/**
 * A first guess at which column fills which field. No field is given to two columns: the better match
 * keeps it (ties go to the alias listed first in column-aliases.ts, then the leftmost column) and the
 * other column is left unmapped for the person to decide.
 */
export const suggestMapping = (headers: readonly string[]): ColumnMapping => {
  const candidates = headers
    .map((header, column) => bestCandidate(header, column))
    .filter((candidate) => candidate !== undefined)
    .sort((a, b) => compareScores(b.score, a.score) || a.column - b.column);
  const fieldByColumn = new Map<number, RecipientField>();
  const takenFields = new Set<RecipientField>();
  for (const { column, field } of candidates) {
    if (takenFields.has(field)) continue;
    takenFields.add(field);
    fieldByColumn.set(column, field);
  }
  return headers.map((header, column) => ({ header, field: fieldByColumn.get(column) ?? null }));
};

const signatureForm = (header: string): string =>
  header.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * A stable key for a header row, so a mapping the person confirmed can be offered again for the next
 * file with the same columns. Case and spacing are ignored; order and wording are not.
 */
export const headerSignature = (headers: readonly string[]): string =>
  `v1:${JSON.stringify(headers.map(signatureForm))}`;

/** Unique names for the extras of unmapped columns: blank headers get "Column n", repeats get " (2)". */
const extraKeys = (headers: readonly string[]): string[] => {
  const used = new Set<string>();
  return headers.map((header, column) => {
    const base = header.trim() === '' ? `Column ${column + 1}` : header.trim();
    let key = base;
    for (let copy = 2; used.has(key); copy++) key = `${base} (${copy})`;
    used.add(key);
    return key;
  });
};

/**
 * Table + mapping → recipient rows, values trimmed and blank cells left out. A field mapped twice by hand
 * is filled from its leftmost column and the later column's values go to extras rather than overwrite.
 */
export const applyMapping = (table: TextTable, mapping: ColumnMapping): MappedRows => {
  const keys = extraKeys(table.headers);
  // Which column fills which field, and which go to extras, worked out once for every row.
  const filling: { readonly column: number; readonly field: RecipientField }[] = [];
  const spare: { readonly column: number; readonly key: string }[] = [];
  const seenFields = new Set<RecipientField>();
  table.headers.forEach((_, column) => {
    const field = mapping[column]?.field ?? null;
    if (field === null || seenFields.has(field)) {
      spare.push({ column, key: keys[column] ?? `Column ${column + 1}` });
    } else {
      seenFields.add(field);
      filling.push({ column, field });
    }
  });
  const rows = new Array<RecipientRow>(table.rows.length);
  const extras = new Array<Record<string, string>>(table.rows.length);
  for (let index = 0; index < table.rows.length; index++) {
    const cells = table.rows[index] ?? [];
    const row: RecipientRow = {};
    for (const { column, field } of filling) {
      const value = (cells[column] ?? '').trim();
      if (value !== '') row[field] = value;
    }
    rows[index] = row;
    extras[index] = extrasOf(cells, spare);
  }
  return { rows, extras };
};

// Frozen: rows without extras, nearly all of them, share it, so a caller that tried to add to it would
// throw rather than give every row the value.
const noExtras: Record<string, string> = {};
Object.freeze(noExtras);

const extrasOf = (cells: readonly string[], spare: readonly { column: number; key: string }[]) => {
  // Every column mapped (the usual case): no list to build and throw away, nor an object to keep, for
  // each of 100,000 rows.
  if (spare.length === 0) return noExtras;
  const extra: [string, string][] = [];
  for (const { column, key } of spare) {
    const value = (cells[column] ?? '').trim();
    if (value !== '') extra.push([key, value]);
  }
  // fromEntries defines own properties, so a header such as "__proto__" is just a key.
  return extra.length === 0 ? noExtras : Object.fromEntries(extra);
};
