import {
  findOverlongValue,
  maxCellLength,
  maxDraftRows,
  type DraftSent,
} from '../../../common/contract/drafts.ts';
import type { RecipientRow } from '../../../common/recipients/fields.ts';

// Why the draft store refuses an edit, in words for the person; null when it takes it.

/** A sent draft takes no edit: the grid and the settings are read-only (docs/architecture.md §1.8). */
export const sentRefusal = (sent: DraftSent | null): string | null =>
  sent === null
    ? null
    : `This draft was sent as batch ${sent.batchId}, so it no longer changes. Duplicate it as a new draft to change it.`;

/** Values the ledger would reject, so one long cell can never block every later save. */
export const overlongRefusal = (
  rows: readonly Readonly<Record<string, string | undefined>>[],
): string | null => {
  const field = rows.map((row) => findOverlongValue(row)).find((key) => key !== undefined);
  return field === undefined
    ? null
    : `A cell can hold at most ${String(maxCellLength)} characters; a value for "${field}" was longer, so the change was not applied.`;
};

/** Rows past what a draft holds, before autosave would fail on them. */
export const tooManyRowsRefusal = (current: number, adding: number): string | null => {
  if (current + adding <= maxDraftRows) return null;
  const count = (value: number) => value.toLocaleString('en-US');
  return `A draft holds at most ${count(maxDraftRows)} rows; this one has ${count(current)}, so the ${count(adding)} new rows were not added. Start a new draft for them.`;
};

/** An import (or one part of it, its first row `from` rows into the file) with a value too long to keep. */
export const importOverlongRefusal = (
  values: readonly RecipientRow[],
  extras: readonly Record<string, string>[],
  from: number,
): string | null => {
  for (const [index, row] of values.entries()) {
    const field = findOverlongValue(row) ?? findOverlongValue(extras[index] ?? {});
    if (field !== undefined)
      return `Recipient ${String(from + index + 1)} of the file has a value for "${field}" longer than ${String(maxCellLength)} characters, so nothing was imported. Shorten it in the file, then import again.`;
  }
  return null;
};
