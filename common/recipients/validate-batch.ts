import { assembleBatch, type BatchValidation } from './batch-assembly.ts';
import type { DuplicateKey } from './duplicate-keys.ts';
import type { RecipientRow } from './fields.ts';
import { prepareContext, type PreparedContext } from './prepared-context.ts';
import { checkPreparedRow } from './validate-row.ts';
import type { RowValidation, ValidationContext } from './validation-types.ts';

export type { BatchValidation } from './batch-assembly.ts';

/**
 * Validates every row, then warns on both sides of each duplicate recipient, naming the other rows
 * (1-based, as the grid numbers them, or as context.rowNumberOf says). A row with an error in a cell
 * its key is read from (a bad email) is left out of the duplicate check until it is fixed; an error
 * elsewhere is not. For one-off batches (import, send); the compose editor keeps the same parts per
 * row and follows edits (renderer/src/state/draft-validation.ts).
 */
export const validateBatch = (rows: readonly RecipientRow[], context: ValidationContext): BatchValidation => {
  // The context is prepared once here rather than looked up again for every row.
  const prepared = prepareContext(context);
  const keys: (DuplicateKey | undefined)[] = [];
  const validations: RowValidation[] = [];
  checkRows(rows, prepared, validations, keys);
  return assembleBatch(validations, keys, context.rowNumberOf);
};

/**
 * The per-row loop on its own, so the engine optimises it once and keeps it: inside validateBatch the
 * loop was optimised on the stack and thrown away at the code after it, on every batch.
 */
const checkRows = (
  rows: readonly RecipientRow[],
  prepared: PreparedContext,
  validations: RowValidation[],
  keys: (DuplicateKey | undefined)[],
): void => {
  for (const row of rows) {
    const { validation, key } = checkPreparedRow(row, prepared);
    validations.push(validation);
    keys.push(key);
  }
};
