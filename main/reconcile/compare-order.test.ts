import { describe, expect, it } from 'vitest';
import type { Order } from '../api/order-types.ts';
import { compareOrder, rowStateFor, type LedgerOrderRow } from './compare-order.ts';

const row: LedgerOrderRow = {
  batchId: 'ABCDEFGH',
  rowNo: 1,
  poNumber: 'GB-ABCDEFGH-0001',
  orderId: 'ord_1',
  productId: 'NORTHWIND-COFFEE',
  amountCents: 2500,
  quantity: 2,
  state: 'fulfilled',
};

const order = (change: Partial<Order> = {}): Order => ({
  id: 'ord_1',
  poNumber: 'GB-ABCDEFGH-0001',
  type: 'Links',
  status: 'completed',
  rawStatus: 'Completed',
  createdAt: null,
  lines: [
    {
      id: null,
      productId: 'NORTHWIND-COFFEE',
      valueCents: 2500,
      quantity: 2,
      costCents: 4876,
      status: 'completed',
      claims: [],
    },
  ],
  ...change,
});

describe('compareOrder', () => {
  it('finds nothing when the provider agrees, and each differing field on its own', () => {
    expect(compareOrder(row, order())).toEqual([]);
    const differences = compareOrder(
      row,
      order({
        poNumber: 'GB-ABCDEFGH-0002',
        status: 'pending',
        lines: [
          {
            id: null,
            productId: 'OTHER',
            valueCents: 1000,
            quantity: 1,
            costCents: null,
            status: 'pending',
            claims: [],
          },
        ],
      }),
    );
    expect(differences.map(({ field, ledger, provider }) => [field, ledger, provider])).toEqual([
      ['po_number', 'GB-ABCDEFGH-0001', 'GB-ABCDEFGH-0002'],
      ['product', 'NORTHWIND-COFFEE', 'OTHER'],
      ['value', '25.00', '10.00'],
      ['quantity', '2', '1'],
      ['status', 'fulfilled', 'pending'],
    ]);
  });

  it('does not count a PO number the provider did not echo as a difference', () => {
    expect(compareOrder(row, order({ poNumber: null }))).toEqual([]);
  });

  it('maps provider statuses to row states; an unknown status is still pending', () => {
    expect(
      ['completed', 'failed', 'pending', 'unknown'].map((status) => rowStateFor(status as Order['status'])),
    ).toEqual(['fulfilled', 'failed', 'pending', 'pending']);
  });
});
