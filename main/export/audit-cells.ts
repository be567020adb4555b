import type { AuditBatch, AuditRow } from '../../common/contract/audit.ts';
import { centsToDecimalString } from '../../common/money.ts';
import { formatInstant, formatOptionalInstant } from './format-instant.ts';

/** batch_id … finished_at: the same for every row of a batch, so formatted once per batch. */
export const batchCells = (batch: AuditBatch): readonly string[] => [
  batch.batchId,
  batch.batchName,
  batch.environment,
  batch.operator,
  formatInstant(batch.createdAt),
  formatOptionalInstant(batch.sentAt),
  formatOptionalInstant(batch.finishedAt),
];

/**
 * One CSV line's cells, in `auditColumns` order followed by `width - 26` kept-aside cells. Money is a
 * decimal string from integer cents ("25.00"); every cell is a string so the formula guard sees it.
 */
export const rowCells = (
  batch: readonly string[],
  row: AuditRow,
  keptAsidePlaces: readonly (readonly [string, number])[],
  width: number,
): string[] => {
  const cells = [
    ...batch,
    String(row.rowNo),
    row.reference,
    row.firstName,
    row.lastName,
    row.email,
    row.sms,
    row.deliveryType,
    row.productId,
    row.productName,
    centsToDecimalString(row.faceValueCents),
    String(row.quantity),
    centsToDecimalString(row.costCents),
    row.currencyCode,
    row.poNumber,
    row.orderId ?? '',
    row.status,
    formatInstant(row.statusAt),
    row.failureReason ?? '',
    String(row.attempts),
  ];
  while (cells.length < width) cells.push('');
  for (const [original, place] of keptAsidePlaces) cells[place] = row.keptAside[original] ?? '';
  return cells;
};
