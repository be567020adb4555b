import type { AuditBatch, AuditRow } from '../../common/contract/audit.ts';

/** Small, readable audit rows and batches for the export's tests; override only what a test is about. */
export const sampleRow = (overrides: Partial<AuditRow> = {}): AuditRow => ({
  rowNo: 1,
  reference: 'E-000001',
  firstName: 'Ana',
  lastName: 'Okafor',
  email: 'ana.okafor@example.com',
  sms: '+12125550123',
  deliveryType: 'DigitalDelivery',
  productId: 'NORTHWIND-COFFEE',
  productName: 'Northwind Coffee eGift Card',
  faceValueCents: 2500,
  quantity: 1,
  costCents: 2438,
  currencyCode: 'USD',
  poNumber: 'GB-ABCDEFGH-1',
  orderId: 'ord_0001',
  status: 'fulfilled',
  statusAt: '2026-12-02T03:26:16.000Z',
  failureReason: null,
  attempts: 1,
  keptAside: {},
  ...overrides,
});

export const sampleBatch = (
  rows: readonly AuditRow[],
  overrides: Partial<AuditBatch> = {},
): AuditBatch & { readonly rows: readonly AuditRow[] } => ({
  batchId: 'ABCDEFGH',
  batchName: 'December bonuses',
  environment: 'sandbox',
  operator: 'dana@hr-laptop',
  createdAt: '2026-12-01T09:00:00.000+01:00',
  sentAt: '2026-12-01T08:05:00.000Z',
  finishedAt: Date.UTC(2026, 11, 1, 8, 10),
  keptAsideHeaders: [],
  ...overrides,
  rows,
});
