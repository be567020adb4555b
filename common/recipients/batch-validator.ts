import { assembleBatch, type BatchValidation } from './batch-assembly.ts';
import type { DuplicateKey } from './duplicate-keys.ts';
import type { RecipientRow } from './fields.ts';
import { prepareContext } from './prepared-context.ts';
import { checkPreparedRow, type CheckedRow } from './validate-row.ts';
import type { ValidationContext } from './validation-types.ts';

/** validateBatch for one context, remembering each row's own checks between calls. */
export type BatchValidator = (rows: readonly RecipientRow[]) => BatchValidation;

/**
 * For an editor that validates the whole batch after every edit. Rows are immutable and an edit
 * replaces only the edited row's object, so each row's own checks are remembered by object identity
 * and only rows not seen before are validated; the duplicate pass depends on row numbers, so it runs
 * on every call, from the remembered keys. The result equals validateBatch(rows, context).
 *
 * The context is part of every remembered answer: when settings or the catalog change, make a new
 * validator rather than passing a changed context.
 */
export const createBatchValidator = (context: ValidationContext): BatchValidator => {
  const prepared = prepareContext(context);
  // Weak, so rows deleted from the draft (and dropped from undo history) are collected with their answers.
  const checked = new WeakMap<RecipientRow, CheckedRow>();
  return (rows) => {
    const keys: (DuplicateKey | undefined)[] = [];
    const validations = rows.map((row) => {
      let entry = checked.get(row);
      if (entry === undefined) {
        entry = checkPreparedRow(row, prepared);
        checked.set(row, entry);
      }
      keys.push(entry.key);
      return entry.validation;
    });
    return assembleBatch(validations, keys);
  };
};
