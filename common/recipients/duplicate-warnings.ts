import { duplicateWording, type DuplicateKey, type DuplicateKind } from './duplicate-keys.ts';
import { warningAt, type CellIssue } from './validation-types.ts';

/** Enough row numbers to find the others; a long list would hide the message. */
const maxRowsNamed = 5;

/**
 * The warning for each row (by 0-based index) that shares its duplicate key with another row, naming
 * the others as the grid numbers them (or as `rowNumberOf` says). Takes each row's key (undefined:
 * left out of the check) rather than the rows, so a caller that remembers the keys can run this after
 * every edit: row numbers move, the keys do not.
 */
export const duplicateWarnings = (
  keys: readonly (DuplicateKey | undefined)[],
  rowNumberOf: (index: number) => number = gridPosition,
): Map<number, CellIssue> => {
  // Most batches have no duplicate at all: one Set insertion per row finds the keys that repeat, and
  // only rows with those keys are grouped, in a second pass.
  const repeated = repeatedKeys(keys);
  const warnings = new Map<number, CellIssue>();
  if (repeated === undefined) return warnings;

  const firstIndex = new Map<string, number>();
  const groups = new Map<number, { kind: DuplicateKind; indexes: number[] }>();
  for (let index = 0; index < keys.length; index++) {
    const duplicate = keys[index];
    if (duplicate === undefined || !repeated[duplicate.kind].has(duplicate.key)) continue;
    // Few rows get here, so the kind may prefix the key (no kind has a colon).
    const id = `${duplicate.kind}:${duplicate.key}`;
    const first = firstIndex.get(id);
    if (first === undefined) {
      firstIndex.set(id, index);
      continue;
    }
    const group = groups.get(first);
    if (group === undefined) groups.set(first, { kind: duplicate.kind, indexes: [first, index] });
    else group.indexes.push(index);
  }

  for (const { kind, indexes } of groups.values()) {
    for (const index of indexes) warnings.set(index, duplicateWarning(kind, indexes, index, rowNumberOf));
  }
  return warnings;
};

/**
 * The keys seen more than once, by kind, or undefined when none is. On its own so the engine optimises
 * this loop once and keeps it.
 */
const repeatedKeys = (
  keys: readonly (DuplicateKey | undefined)[],
): Record<DuplicateKind, Set<string>> | undefined => {
  const seen = setPerKind();
  const repeated = setPerKind();
  let hasRepeat = false;
  for (const duplicate of keys) {
    if (duplicate === undefined) continue;
    const kindSeen = seen[duplicate.kind];
    const before = kindSeen.size;
    if (kindSeen.add(duplicate.key).size === before) {
      repeated[duplicate.kind].add(duplicate.key);
      hasRepeat = true;
    }
  }
  return hasRepeat ? repeated : undefined;
};

const setPerKind = (): Record<DuplicateKind, Set<string>> => ({
  email: new Set(),
  sms: new Set(),
  address: new Set(),
});

const gridPosition = (index: number): number => index + 1;

/**
 * The warning on one row of a group of rows sharing a key: `indexes` are the group's 0-based row
 * indexes in row order, `self` the row's own, the others named as `rowNumberOf` says (the grid's
 * numbers by default). For an editor that keeps its groups between edits.
 */
export const duplicateWarning = (
  kind: DuplicateKind,
  indexes: readonly number[],
  self: number,
  rowNumberOf: (index: number) => number = gridPosition,
): CellIssue => {
  const { field, what } = duplicateWording[kind];
  return warningAt(field, `Same ${what} as ${otherRows(indexes, self, rowNumberOf)}`);
};

/** "row 12", "rows 3 and 12", "rows 2, 3, 4, 5, 6 and 995 more": the group without `self`. */
const otherRows = (
  indexes: readonly number[],
  self: number,
  rowNumberOf: (index: number) => number,
): string => {
  const named: string[] = [];
  for (const index of indexes) {
    if (named.length === maxRowsNamed) break;
    if (index !== self) named.push(String(rowNumberOf(index)));
  }
  const more = indexes.length - 1 - named.length;
  if (named.length === 1) return `row ${named[0] ?? ''}`;
  if (more > 0) return `rows ${named.join(', ')} and ${more} more`;
  return `rows ${named.slice(0, -1).join(', ')} and ${named.at(-1) ?? ''}`;
};
