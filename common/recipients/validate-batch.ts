import { assembleBatch, duplicateKeyOf, type BatchValidation } from './batch-assembly.ts';
import type { DuplicateKey } from './duplicate-keys.ts';
import type { RecipientRow } from './fields.ts';
import { prepareContext } from './prepared-context.ts';
import { validatePreparedRow } from './validate-row.ts';
import type { ValidationContext } from './validation-types.ts';

export type { BatchValidation } from './batch-assembly.ts';

/**
 * Validates every row, then warns on both sides of each duplicate recipient, naming the other rows
 * (1-based, as the grid numbers them, or as context.rowNumberOf says). Rows with errors are left out of the duplicate check: their
 * values are not settled yet, and fixing them re-runs it. For one-off batches (import, send); an
 * editor that validates again after every change uses createBatchValidator, built from the same parts.
 */
export const validateBatch = (rows: readonly RecipientRow[], context: ValidationContext): BatchValidation => {
  // The context is prepared once here rather than looked up again for every row.
  const prepared = prepareContext(context);
  const keys: (DuplicateKey | undefined)[] = [];
  const validations = rows.map((row) => {
    const validation = validatePreparedRow(row, prepared);
    keys.push(duplicateKeyOf(validation));
    return validation;
  });
  return assembleBatch(validations, keys, context.rowNumberOf);
};
