import type Database from 'better-sqlite3';
import { createBatchQueries } from '../../main/batches/batch-queries.ts';
import {
  createBatchRepository,
  type BatchRepository,
  type NewBatchRow,
} from '../../main/batches/batch-repository.ts';
import { createHistoryQueries } from '../../main/batches/history-queries.ts';
import { recordSentOrder } from './row-outcomes.ts';

/** For History's tests: one recipient row of a batch, as a review would commit it. */
export interface TestRecipient {
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly sms?: string;
  readonly reference?: string;
  readonly productId?: string;
  readonly extras?: Readonly<Record<string, string>>;
}

export const testRow = (rowNo: number, recipient: TestRecipient): NewBatchRow => {
  const productId = recipient.productId ?? 'NORTHWIND-COFFEE';
  return {
    rowNo,
    draftRowId: null,
    order: {
      type: 'DigitalDelivery',
      lines: [
        {
          productId,
          valueCents: 2500,
          quantity: 1,
          digitalDeliveryAddress: {
            email: recipient.email,
            ...(recipient.sms === undefined ? {} : { sms: recipient.sms }),
          },
          personalization: { to: `${recipient.firstName} ${recipient.lastName}`, message: 'Thank you!' },
        },
      ],
    },
    recipientKey: `email:${recipient.email}`,
    recipientLabel: `${recipient.firstName} ${recipient.lastName} <${recipient.email}>`,
    productId,
    amountCents: 2500,
    quantity: 1,
    costCents: 2438,
    recipient: {
      firstName: recipient.firstName,
      lastName: recipient.lastName,
      email: recipient.email,
      sms: recipient.sms ?? null,
      reference: recipient.reference ?? null,
    },
    productName: productId === 'NORTHWIND-COFFEE' ? 'Northwind Coffee eGift Card' : `${productId} card`,
    extras: recipient.extras ?? {},
  };
};

/** A ledger with History's queries over it, its clock set per batch so creation times are known. */
export const historyTestLedger = (db: Database.Database) => {
  let clock = new Date('2026-11-01T09:00:00.000Z');
  const repository: BatchRepository = createBatchRepository(db, () => clock);
  const queries = createBatchQueries({ repository });
  const history = createHistoryQueries(db, queries);
  return {
    repository,
    queries,
    history,
    setClock: (iso: string) => {
      clock = new Date(iso);
    },
    commit: (batch: {
      id: string;
      name: string;
      createdAt: string;
      environment?: string;
      rows: readonly TestRecipient[];
    }) => {
      clock = new Date(batch.createdAt);
      repository.create({
        id: batch.id,
        name: batch.name,
        draftId: null,
        environment: batch.environment ?? 'sandbox',
        provider: 'http://127.0.0.1',
        deliveryType: 'DigitalDelivery',
        defaultCountry: 'US',
        reviewedCostCents: 2438 * batch.rows.length,
        currencyCode: 'USD',
        operator: 'pat@laptop',
        origin: { draftName: batch.name, fileName: 'staff.csv', sha256: 'ab'.repeat(32) },
        keptAsideHeaders: [...new Set(batch.rows.flatMap((row) => Object.keys(row.extras ?? {})))],
        rows: batch.rows.map((row, index) => testRow(index + 1, row)),
      });
    },
    /** Sends a row as the engine would record it: an order made, in the given state. */
    order: (batchId: string, rowNo: number, state: 'pending' | 'fulfilled' | 'failed', orderId: string) => {
      recordSentOrder(repository, batchId, rowNo, state, orderId);
    },
  };
};
