import type { RecipientRow } from './fields.ts';
import { duplicateKey, duplicateWording, type DuplicateKind } from './duplicate-keys.ts';
import { prepareContext } from './prepared-context.ts';
import { validatePreparedRow } from './validate-row.ts';
import { warningAt, type RowValidation, type ValidationContext } from './validation-types.ts';

export interface BatchValidation {
  /** One per input row, in order. */
  readonly rows: RowValidation[];
  /** Issues, not rows: a row can have several. */
  readonly errorCount: number;
  readonly warningCount: number;
}

/** Enough row numbers to find the others; a long list would hide the message. */
const maxRowsNamed = 5;

/**
 * Validates every row, then warns on both sides of each duplicate recipient, naming the other rows
 * (1-based, as the grid numbers them). Rows with errors are left out of the duplicate check: their
 * values are not settled yet, and fixing them re-runs it.
 */
export const validateBatch = (rows: readonly RecipientRow[], context: ValidationContext): BatchValidation => {
  // The context is prepared once here rather than looked up again for every row.
  const prepared = prepareContext(context);
  const results = rows.map((row) => validatePreparedRow(row, prepared));
  addDuplicateWarnings(results);
  let errorCount = 0;
  let warningCount = 0;
  for (const { issues } of results) {
    for (const issue of issues) {
      if (issue.severity === 'error') errorCount += 1;
      else warningCount += 1;
    }
  }
  return { rows: results, errorCount, warningCount };
};

const addDuplicateWarnings = (results: RowValidation[]): void => {
  // First row index per key, one map per kind so the key strings need no prefix (no copy per row);
  // only keys seen twice get a list.
  const firstIndex: Record<DuplicateKind, Map<string, number>> = {
    email: new Map(),
    sms: new Map(),
    address: new Map(),
  };
  const groups = new Map<number, { kind: DuplicateKind; indexes: number[] }>();
  results.forEach(({ recipient }, index) => {
    if (recipient === null) return;
    const found = duplicateKey(recipient);
    if (found === undefined) return;
    const seen = firstIndex[found.kind];
    const first = seen.get(found.key);
    if (first === undefined) {
      seen.set(found.key, index);
      return;
    }
    const group = groups.get(first);
    if (group === undefined) groups.set(first, { kind: found.kind, indexes: [first, index] });
    else group.indexes.push(index);
  });

  for (const { kind, indexes } of groups.values()) {
    const { field, what } = duplicateWording[kind];
    for (const index of indexes) {
      const message = `Same ${what} as ${otherRows(indexes, index)}`;
      results[index]?.issues.push(warningAt(field, message));
    }
  }
};

/** "row 12", "rows 3 and 12", "rows 2, 3, 4, 5, 6 and 995 more": the group without `self`, 1-based. */
const otherRows = (indexes: readonly number[], self: number): string => {
  const named: string[] = [];
  for (const index of indexes) {
    if (named.length === maxRowsNamed) break;
    if (index !== self) named.push(String(index + 1));
  }
  const more = indexes.length - 1 - named.length;
  if (named.length === 1) return `row ${named[0] ?? ''}`;
  if (more > 0) return `rows ${named.join(', ')} and ${more} more`;
  return `rows ${named.slice(0, -1).join(', ')} and ${named.at(-1) ?? ''}`;
};
