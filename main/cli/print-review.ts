import type { Balance } from '../../common/contract/connection.ts';
import type { ReviewReport } from '../../common/contract/review.ts';
import { formatCents } from '../../common/money.ts';
import type { Problem } from './check-recipients.ts';

/** "Row 12, column "Email": …" — where a problem is, in the file's own terms. */
export const describeProblem = (problem: Problem): string => {
  const place = [
    problem.row === null ? 'Batch' : `Row ${String(problem.row)}`,
    problem.column === null ? undefined : `column "${problem.column}"`,
  ]
    .filter((part) => part !== undefined)
    .join(', ');
  return `${place}: ${problem.message}`;
};

/** At most this many problems of each kind are printed for people; --json lists them all. */
const maxPrinted = 50;

export const describeProblems = (title: string, problems: readonly Problem[]): string[] => {
  if (problems.length === 0) return [];
  const shown = problems.slice(0, maxPrinted).map((problem) => `  ${describeProblem(problem)}`);
  const more = problems.length - shown.length;
  return [
    `${title} (${String(problems.length)}):`,
    ...shown,
    ...(more > 0 ? [`  … and ${String(more)} more (use --json for the full list)`] : []),
  ];
};

/**
 * The review, as the app's review screen shows it: rows and cards, the cost per product and face value
 * with the formula used, the total against the Available balance, warnings and the PO-number range.
 */
export const describeReview = (
  report: ReviewReport,
  environment: string,
  balance: Balance | null,
  warnings: readonly Problem[],
): string[] => {
  const { cost } = report;
  const money = (cents: number) => formatCents(cents, cost.currencyCode);
  const lines = [
    `Review of batch ${report.batchId} "${report.name}" (${report.deliveryType}, ${environment})`,
    `  ${String(report.sendableRows)} rows, ${String(cost.cards)} cards`,
    ...cost.groups.map(
      (group) =>
        `  ${group.productName} (${group.productId}) ${String(group.cards)} × ${money(group.faceValueCents)}: ${group.formula} → ${money(group.costCents)}`,
    ),
    `  Face value ${money(cost.faceTotalCents)}, fees ${money(cost.feesCents)}, discounts ${money(cost.discountsCents)}`,
    `  Total cost ${money(cost.costCents)}`,
  ];
  if (balance !== null) {
    lines.push(`  Available balance ${formatCents(balance.availableCents, balance.currencyCode)}`);
    const shortfall = cost.costCents - balance.availableCents;
    if (shortfall > 0) {
      lines.push(
        `  Shortfall ${money(shortfall)}: the batch will pause when the money runs out. Add funds in the provider portal first, or resume after.`,
      );
    }
  }
  if (report.poRange !== null) {
    lines.push(`  PO numbers ${report.poRange.first} … ${report.poRange.last}`);
  }
  lines.push(...describeProblems('Warnings', warnings));
  return lines;
};
