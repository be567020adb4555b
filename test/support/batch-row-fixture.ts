import type { NewBatchRow } from '../../main/batches/batch-repository.ts';

/** A $25 Northwind Coffee card by email, as the batch service would record it; `overrides` for the rest. */
export const digitalBatchRow = (
  rowNo: number,
  email: string,
  overrides: Partial<NewBatchRow> = {},
): NewBatchRow => ({
  rowNo,
  draftRowId: null,
  order: {
    type: 'DigitalDelivery',
    lines: [
      { productId: 'NORTHWIND-COFFEE', valueCents: 2500, quantity: 1, digitalDeliveryAddress: { email } },
    ],
  },
  recipientKey: `email:${email}`,
  recipientLabel: email,
  productId: 'NORTHWIND-COFFEE',
  amountCents: 2500,
  quantity: 1,
  costCents: 2438,
  recipient: { firstName: null, lastName: null, email, sms: null, reference: null },
  productName: 'Northwind Coffee',
  extras: {},
  ...overrides,
});
