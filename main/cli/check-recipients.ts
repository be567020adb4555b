import type { ReviewFinding, ReviewReport } from '../../common/contract/review.ts';
import type { AppError } from '../../common/errors.ts';
import { fieldLabels, type RecipientField } from '../../common/recipients/fields.ts';
import { ok, type Result } from '../../common/result.ts';
import type { BatchSource } from '../batches/prepare-batch.ts';
import type { CliServices } from './cli-services.ts';
import type { LoadedRecipients } from './load-recipients.ts';

/** One problem, placed as the person sees their file: its row number there and its column header. */
export interface Problem {
  /** Null for a problem with the whole batch (a policy's batch total). */
  readonly row: number | null;
  /** The file's header for the field; the flag when a default filled it; null for whole-row findings. */
  readonly column: string | null;
  readonly message: string;
}

export interface CheckedRecipients {
  readonly rows: number;
  readonly errors: Problem[];
  readonly warnings: Problem[];
  readonly report: ReviewReport;
}

const defaultFlags: Partial<Record<RecipientField, string>> = {
  product_id: '--product',
  amount: '--amount',
  message: '--message',
  from_name: '--from-name',
};

/**
 * Every problem with the file, by the same rules as the app: the review in main (every row validated
 * against the catalog, then the program's policies, earlier rewards and the yearly threshold), run once
 * with the source numbering rows by their row in the file, plus the cells the import could not trust.
 */
export const checkRecipients = async (
  services: CliServices,
  loaded: LoadedRecipients,
  source: BatchSource,
): Promise<Result<CheckedRecipients, AppError>> => {
  const prepared = await services.batchService.prepare(source, new Set());
  if (!prepared.ok) return prepared;
  const { findings, report } = prepared.value;

  const defaults: Partial<Record<RecipientField, string>> = source.settings.defaults;
  const columnOf = (field: RecipientField, index: number): string => {
    const flag = defaultFlags[field];
    if (flag !== undefined && defaults[field] !== undefined && loaded.rows[index]?.[field] === undefined)
      return flag;
    return loaded.mapping.find((entry) => entry.field === field)?.header ?? fieldLabels[field];
  };
  const toProblem = (finding: ReviewFinding): Problem => {
    if (finding.rowNo === null) return { row: null, column: null, message: finding.message };
    const index = finding.rowNo - 1;
    return {
      row: loaded.rowNumbers[index] ?? finding.rowNo,
      column: finding.field === undefined ? null : columnOf(finding.field, index),
      message: finding.detail ?? finding.message,
    };
  };
  const cellErrors: Problem[] = loaded.cellErrors.map((cell) => ({
    row: loaded.rowNumbers[cell.row] ?? cell.row + 1,
    column: cell.column,
    message: cell.message,
  }));
  return ok({
    rows: loaded.rows.length,
    errors: [...cellErrors, ...findings.errors.map(toProblem)],
    warnings: findings.warnings.map(toProblem),
    report,
  });
};
