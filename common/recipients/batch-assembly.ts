import { companyDomainWarnings, withCompanySuggestion } from './company-domains.ts';
import type { DuplicateKey } from './duplicate-keys.ts';
import { duplicateWarnings } from './duplicate-warnings.ts';
import type { RowValidation } from './validation-types.ts';

export interface BatchValidation {
  /** One per input row, in order. */
  readonly rows: RowValidation[];
  /** Issues, not rows: a row can have several. */
  readonly errorCount: number;
  readonly warningCount: number;
}

/**
 * The batch's result from each row's own validation and duplicate key, in order: a warning is added on
 * both sides of each duplicate recipient. Takes over `validations` (the caller's fresh array) but never
 * changes a RowValidation: a row that gets a warning is replaced by a copy, so a caller can remember
 * row validations across calls whatever the row order is next time.
 */
export const assembleBatch = (
  validations: RowValidation[],
  keys: readonly (DuplicateKey | undefined)[],
  rowNumberOf?: (index: number) => number,
): BatchValidation => {
  // A typo of the domain most of the batch uses is corrected to it, not to a mail provider's.
  for (const [index, warning] of companyDomainWarnings(validations)) {
    const validation = validations[index];
    if (validation === undefined) continue;
    validations[index] = {
      issues: withCompanySuggestion(validation.issues, warning),
      recipient: validation.recipient,
    };
  }
  for (const [index, warning] of duplicateWarnings(keys, rowNumberOf)) {
    const validation = validations[index];
    if (validation === undefined) continue;
    validations[index] = { issues: [...validation.issues, warning], recipient: validation.recipient };
  }
  let errorCount = 0;
  let warningCount = 0;
  for (const { issues } of validations) {
    for (const issue of issues) {
      if (issue.severity === 'error') errorCount += 1;
      else warningCount += 1;
    }
  }
  return { rows: validations, errorCount, warningCount };
};
