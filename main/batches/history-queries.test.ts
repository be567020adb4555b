import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryFilter, HistorySortColumn } from '../../common/contract/history.ts';
import { historyTestLedger } from '../../test/support/history-test-ledger.ts';
import { createTempDir, type TempDir } from '../../test/support/temp-dir.ts';
import { openLedger } from '../ledger/open-ledger.ts';

let dir: TempDir;
let db: Database.Database;
let ledger: ReturnType<typeof historyTestLedger>;

const deb = { firstName: 'Deborah', lastName: 'Ng', email: 'deb@example.org', reference: 'E-1001' };
const sam = { firstName: 'Sam', lastName: 'Ode', email: 'sam@example.org', sms: '+12125550123' };
const lee = { firstName: 'Lee', lastName: 'Park', email: 'lee@example.org', productId: 'CONTOSO-BOOKS' };

beforeEach(async () => {
  dir = await createTempDir();
  db = openLedger(dir.path);
  ledger = historyTestLedger(db);
  // October: completed, one row failed. November: paused after one order. December: cancelled, production.
  ledger.commit({
    id: 'AAAA1111',
    name: 'Autumn thanks',
    createdAt: '2026-10-05T10:00:00.000Z',
    rows: [deb, sam],
  });
  ledger.repository.setStatus('AAAA1111', 'sending');
  ledger.order('AAAA1111', 1, 'fulfilled', 'ORD-100');
  ledger.order('AAAA1111', 2, 'failed', 'ORD-101');
  ledger.repository.setStatus('AAAA1111', 'completed_with_failures');

  ledger.commit({
    id: 'BBBB2222',
    name: 'Holiday bonus',
    createdAt: '2026-11-20T10:00:00.000Z',
    rows: [sam, lee, deb],
  });
  ledger.repository.setStatus('BBBB2222', 'sending');
  ledger.order('BBBB2222', 1, 'pending', 'ORD-200');
  ledger.repository.setStatus('BBBB2222', 'paused', {
    kind: 'insufficient_funds',
    message: 'The account is short by $24.38.',
    advice: 'Add funds, then resume.',
    shortfallCents: 2438,
  });

  ledger.commit({
    id: 'CCCC3333',
    name: 'Year end',
    createdAt: '2026-12-01T10:00:00.000Z',
    environment: 'production',
    rows: [lee],
  });
  ledger.repository.cancel('CCCC3333');
});
afterEach(async () => {
  db.close();
  await dir.remove();
});

const list = (
  filter: HistoryFilter = {},
  column: HistorySortColumn = 'createdAt',
  direction: 'asc' | 'desc' = 'desc',
) => ledger.history.list({ filter, sort: { column, direction }, limit: 50, offset: 0 });
const ids = (filter: HistoryFilter = {}, column?: HistorySortColumn, direction?: 'asc' | 'desc') =>
  list(filter, column, direction).batches.map((batch) => batch.summary.id);
const search = (term: string, filter: HistoryFilter = {}) =>
  ledger.history.searchRows({ filter: { ...filter, search: term }, limit: 50, offset: 0 });
const found = (term: string, filter: HistoryFilter = {}) =>
  search(term, filter).rows.map((row) => `${row.batchId}#${String(row.rowNo)}`);

describe('History over the ledger', () => {
  it('lists every batch, paused and cancelled too, with times, counts and reviewed and charged cost', () => {
    const page = list();
    expect(page.batches.map((batch) => [batch.summary.id, batch.summary.status])).toEqual([
      ['CCCC3333', 'cancelled'],
      ['BBBB2222', 'paused'],
      ['AAAA1111', 'completed_with_failures'],
    ]);
    const [cancelled, paused, done] = page.batches;
    expect(done?.sentAt).toBe('2026-10-05T10:00:00.000Z');
    expect(done?.finishedAt).toBe('2026-10-05T10:00:00.000Z');
    expect(done?.summary.counts).toMatchObject({ rows: 2, fulfilled: 1, failed: 1 });
    expect(done?.summary.chargedCostCents).toBe(2438);
    // The pending order is charged, though nothing is fulfilled yet.
    expect(paused?.summary.fulfilledCostCents).toBe(0);
    expect(paused?.summary.chargedCostCents).toBe(2438);
    expect(paused?.finishedAt).toBeNull();
    expect(cancelled?.summary.counts).toMatchObject({ rows: 1, cancelled: 1 });
    expect(cancelled?.summary.chargedCostCents).toBe(0);
    expect(page.environments).toEqual(['production', 'sandbox']);
    expect(page.products).toEqual([
      { id: 'CONTOSO-BOOKS', name: 'CONTOSO-BOOKS card' },
      { id: 'NORTHWIND-COFFEE', name: 'Northwind Coffee eGift Card' },
    ]);
  });

  it('totals the filtered set', () => {
    expect(list().totals).toEqual({
      batches: 3,
      counts: {
        rows: 6,
        queued: 2,
        submitting: 0,
        pending: 1,
        fulfilled: 1,
        failed: 1,
        needsReview: 0,
        cancelled: 1,
      },
      byCurrency: [
        {
          currencyCode: 'USD',
          reviewedCostCents: 6 * 2438,
          chargedCostCents: 2 * 2438,
          chargedUnknownCostCents: 0,
        },
      ],
    });
    expect(list({ environment: 'sandbox' }).totals.byCurrency).toEqual([
      {
        currencyCode: 'USD',
        reviewedCostCents: 5 * 2438,
        chargedCostCents: 2 * 2438,
        chargedUnknownCostCents: 0,
      },
    ]);
  });

  it('filters by date range, state, environment and product', () => {
    expect(ids({ from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' })).toEqual(['BBBB2222']);
    expect(ids({ from: '2026-11-20T11:00:00+01:00' })).toEqual(['CCCC3333', 'BBBB2222']);
    expect(ids({ states: ['paused', 'cancelled'] })).toEqual(['CCCC3333', 'BBBB2222']);
    expect(ids({ environment: 'production' })).toEqual(['CCCC3333']);
    expect(ids({ productId: 'CONTOSO-BOOKS' })).toEqual(['CCCC3333', 'BBBB2222']);
    expect(ids({ productId: 'CONTOSO-BOOKS', environment: 'sandbox' })).toEqual(['BBBB2222']);
  });

  it('sorts by any column, both ways', () => {
    expect(ids({}, 'name', 'asc')).toEqual(['AAAA1111', 'BBBB2222', 'CCCC3333']);
    expect(ids({}, 'rows', 'desc')).toEqual(['BBBB2222', 'AAAA1111', 'CCCC3333']);
    expect(ids({}, 'chargedCost', 'asc')).toEqual(['CCCC3333', 'BBBB2222', 'AAAA1111']);
    expect(ids({}, 'failed', 'desc')[0]).toBe('AAAA1111');
    expect(ids({}, 'environment', 'asc')[0]).toBe('CCCC3333');
    expect(ids({}, 'createdAt', 'asc')).toEqual(['AAAA1111', 'BBBB2222', 'CCCC3333']);
    for (const column of ['status', 'sentAt', 'finishedAt', 'fulfilled', 'reviewedCost'] as const) {
      expect(ids({}, column, 'asc')).toHaveLength(3);
    }
  });

  it('pages batches', () => {
    const first = ledger.history.list({
      filter: {},
      sort: { column: 'createdAt', direction: 'asc' },
      limit: 2,
      offset: 0,
    });
    const second = ledger.history.list({
      filter: {},
      sort: { column: 'createdAt', direction: 'asc' },
      limit: 2,
      offset: 2,
    });
    expect(first.batches.map((batch) => batch.summary.id)).toEqual(['AAAA1111', 'BBBB2222']);
    expect(second.batches.map((batch) => batch.summary.id)).toEqual(['CCCC3333']);
    expect(second.totals.batches).toBe(3);
  });

  it('finds rows by recipient name, email, phone, reference, PO number and order id, with their batch', () => {
    expect(found('deb@EXAMPLE.org')).toEqual(['BBBB2222#3', 'AAAA1111#1']);
    expect(found('Deborah')).toEqual(['BBBB2222#3', 'AAAA1111#1']);
    expect(found('ng')).toEqual(['BBBB2222#3', 'AAAA1111#1']);
    expect(found('Sam Od')).toEqual(['BBBB2222#1', 'AAAA1111#2']);
    expect(found('(212) 555-0123')).toEqual(['BBBB2222#1', 'AAAA1111#2']);
    expect(found('+1212')).toEqual(['BBBB2222#1', 'AAAA1111#2']);
    expect(found('e-1001')).toEqual(['BBBB2222#3', 'AAAA1111#1']);
    expect(found('gb-bbbb2222-0002')).toEqual(['BBBB2222#2']);
    expect(found('ORD-101')).toEqual(['AAAA1111#2']);
    expect(found('100%')).toEqual([]);
    const [match] = search('ORD-200').rows;
    expect(match).toMatchObject({
      batchId: 'BBBB2222',
      batchName: 'Holiday bonus',
      recipient: 'Sam Ode',
      email: 'sam@example.org',
      sms: '+12125550123',
      poNumber: 'GB-BBBB2222-0001',
      orderId: 'ORD-200',
      state: 'pending',
      costCents: 2438,
    });
  });

  it('narrows row matches with the filters, counts them and pages them', () => {
    expect(found('deb', { environment: 'sandbox', states: ['completed_with_failures'] })).toEqual([
      'AAAA1111#1',
    ]);
    expect(found('lee', { productId: 'CONTOSO-BOOKS', to: '2026-12-01T00:00:00.000Z' })).toEqual([
      'BBBB2222#2',
    ]);
    expect(search('example.org')).toEqual({ rows: [], total: 0, capped: false });
    const all = ledger.history.searchRows({ filter: { search: 'GB-' }, limit: 2, offset: 2 });
    expect(all.total).toBe(6);
    expect(all.rows.map((row) => `${row.batchId}#${String(row.rowNo)}`)).toEqual([
      'BBBB2222#2',
      'BBBB2222#3',
    ]);
  });

  it('lists the batches a search finds: by their name, their code, or a row in them', () => {
    expect(ids({ search: 'bonus' })).toEqual(['BBBB2222']);
    expect(ids({ search: 'cccc3333' })).toEqual(['CCCC3333']);
    expect(ids({ search: 'lee@example.org' })).toEqual(['CCCC3333', 'BBBB2222']);
    expect(list({ search: 'lee@example.org' }).totals.batches).toBe(2);
  });
});
