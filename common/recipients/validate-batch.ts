import { assembleBatch, type BatchValidation } from './batch-assembly.ts';
import type { DuplicateKey } from './duplicate-keys.ts';
import type { RecipientRow } from './fields.ts';
import { prepareContext } from './prepared-context.ts';
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
  // A plain loop rather than map with a closure: this runs for every row of the batch.
  for (const row of rows) {
    const { validation, key } = checkPreparedRow(row, prepared);
    validations.push(validation);
    keys.push(key);
  }
  return assembleBatch(validations, keys, context.rowNumberOf);
};
