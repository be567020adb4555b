import { sampleFirstNames, sampleLastNames } from './sample-names.ts';
import type { AuditBatch, AuditReport, AuditRow } from '../../common/contract/audit.ts';
import type { RowState } from '../../common/batches/states.ts';

/**
 * A deterministic audit report for benchmarks: batches of 5,000 rows, two kinds of kept-aside columns,
 * a phone number on one row in five, a failure reason on the failed rows. Deterministic so two runs
 * measure the same file.
 */
const rowsPerBatch = 5_000;
const pick = <T>(list: readonly [T, ...T[]], index: number): T => list[index % list.length] ?? list[0];

const products: [Product, ...Product[]] = [
  {
    productId: 'NORTHWIND-COFFEE',
    productName: 'Northwind Coffee eGift Card',
    faceValueCents: 2500,
    costCents: 2438,
  },
  {
    productId: 'TAILSPIN-BOOKS',
    productName: 'Tailspin Books Gift Card',
    faceValueCents: 5000,
    costCents: 4950,
  },
];
const departments: [string, ...string[]] = ['Sales', 'Support', 'Engineering', 'Finance'];

interface Product {
  readonly productId: string;
  readonly productName: string;
  readonly faceValueCents: number;
  readonly costCents: number;
}

const batchOf = (index: number): AuditBatch => {
  const batchId = `BENCH${String(index).padStart(3, '0')}`;
  const start = Date.UTC(2026, 10, 1 + (index % 28), 9);
  return {
    batchId,
    batchName: `Bench batch ${String(index + 1)}`,
    environment: 'sandbox',
    operator: 'bench@build-machine',
    createdAt: new Date(start).toISOString(),
    sentAt: start + 60_000,
    finishedAt: start + 600_000,
    keptAsideHeaders: index % 2 === 0 ? ['Employee ID', 'Department'] : ['Employee ID', 'Cost centre'],
  };
};

const rowOf = (batch: AuditBatch, batchIndex: number, rowNo: number): AuditRow => {
  const index = batchIndex * rowsPerBatch + rowNo;
  const first = pick(sampleFirstNames, index);
  const last = pick(sampleLastNames, Math.floor(index / sampleFirstNames.length));
  const product = pick(products, index);
  const status: RowState = index % 50 === 0 ? 'failed' : index % 97 === 0 ? 'needs_review' : 'fulfilled';
  const employeeId = `E-${String(index).padStart(6, '0')}`;
  return {
    rowNo,
    reference: employeeId,
    firstName: first,
    lastName: last,
    email: `${first}.${last}.${String(index)}@example.com`.toLowerCase(),
    sms: index % 5 === 0 ? `+1212555${String(index % 10_000).padStart(4, '0')}` : '',
    deliveryType: 'DigitalDelivery',
    productId: product.productId,
    productName: product.productName,
    faceValueCents: product.faceValueCents,
    quantity: 1,
    costCents: status === 'fulfilled' ? product.costCents : 0,
    currencyCode: 'USD',
    poNumber: `GB-${batch.batchId}-${String(rowNo)}`,
    orderId: status === 'failed' ? null : `ord_${String(index).padStart(8, '0')}`,
    status,
    statusAt: (typeof batch.sentAt === 'number' ? batch.sentAt : 0) + rowNo * 100,
    failureReason: status === 'failed' ? 'The provider refused the order: value not allowed' : null,
    attempts: status === 'fulfilled' ? 1 : 2,
    keptAside:
      batchIndex % 2 === 0
        ? { 'Employee ID': employeeId, Department: pick(departments, index) }
        : { 'Employee ID': employeeId, 'Cost centre': `CC-${String(index % 40)}` },
  };
};

export const generateAuditReport = (rowCount: number): AuditReport & { readonly rowCount: number } => {
  const batches: (AuditBatch & { rows: AuditRow[] })[] = [];
  for (let batchIndex = 0; batchIndex * rowsPerBatch < rowCount; batchIndex += 1) {
    const batch = batchOf(batchIndex);
    const size = Math.min(rowsPerBatch, rowCount - batchIndex * rowsPerBatch);
    batches.push({
      ...batch,
      rows: Array.from({ length: size }, (_, offset) => rowOf(batch, batchIndex, offset + 1)),
    });
  }
  return { batches, rowCount };
};
