import type { ReviewFinding, ReviewReport } from '../../common/contract/review.ts';
import type { AppError } from '../../common/errors.ts';
import { fieldLabels, type RecipientField } from '../../common/recipients/fields.ts';
import { validateBatch } from '../../common/recipients/validate-batch.ts';
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

/** Review findings on a row begin "Row 12: " (grid numbering); the CLI names the file row instead. */
const withoutGridRow = (message: string): string => message.replace(/^Row \d+[:,] /, '');

/**
 * Duplicate warnings name the other rows as the grid numbers them ("Same email as rows 3 and 12"); in
 * the CLI every row number is a file row. A message in any other wording is left as it is.
 */
const withFileRows = (message: string, fileRow: (index: number) => number): string => {
  const match = /^(Same .+ as rows? )(.+)$/.exec(message);
  if (match === null) return message;
  const [, lead = '', rows = ''] = match;
  return `${lead}${rows.replace(/\d+(?!\d| more)/g, (rowNo) => String(fileRow(Number(rowNo) - 1)))}`;
};

/**
 * Every problem with the file, by the same rules as the app: each row validated against the catalog
 * (common/recipients validateBatch, as the review does), then the review in main for the program's
 * policies, earlier rewards and the yearly threshold. Row issues come from the validation, where the
 * field is known; the review adds what only it knows.
 */
export const checkRecipients = async (
  services: CliServices,
  loaded: LoadedRecipients,
  source: BatchSource,
): Promise<Result<CheckedRecipients, AppError>> => {
  const references = await services.batchService.references(source.settings.deliveryType);
  if (!references.ok) return references;
  const validation = validateBatch(loaded.rows, {
    deliveryType: source.settings.deliveryType,
    defaults: source.settings.defaults,
    catalog: new Map(references.value.catalog.map((product) => [product.id, product])),
    defaultCountry: source.settings.defaultCountry,
    shippingMethodIds: references.value.shippingMethods.map((method) => method.id),
    emailOnly: source.settings.emailOnly === true,
  });
  const review = await services.batchService.review(source, new Set());
  if (!review.ok) return review;

  const fileRow = (index: number): number => loaded.fileRows[index] ?? index + 1;
  const defaults: Partial<Record<RecipientField, string>> = source.settings.defaults;
  const columnOf = (field: RecipientField, index: number): string => {
    const flag = defaultFlags[field];
    if (flag !== undefined && defaults[field] !== undefined && loaded.rows[index]?.[field] === undefined)
      return flag;
    return loaded.mapping.find((entry) => entry.field === field)?.header ?? fieldLabels[field];
  };
  const errors: Problem[] = loaded.cellErrors.map((cell) => ({
    row: fileRow(cell.row),
    column: cell.column,
    message: cell.message,
  }));
  const warnings: Problem[] = [];
  validation.rows.forEach((row, index) => {
    row.issues.forEach((issue) => {
      const problem = {
        row: fileRow(index),
        column: columnOf(issue.field, index),
        message: withFileRows(issue.message, fileRow),
      };
      (issue.severity === 'error' ? errors : warnings).push(problem);
    });
  });
  const fromReview = (finding: ReviewFinding): Problem => ({
    row: finding.rowNo === null ? null : fileRow(finding.rowNo - 1),
    column: null,
    message: withoutGridRow(finding.message),
  });
  const isRowIssue = (finding: ReviewFinding) =>
    finding.kind === 'row_error' || finding.kind === 'row_warning';
  errors.push(...review.value.errors.filter((finding) => !isRowIssue(finding)).map(fromReview));
  warnings.push(...review.value.warnings.filter((finding) => !isRowIssue(finding)).map(fromReview));
  return ok({ rows: loaded.rows.length, errors, warnings, report: review.value });
};
