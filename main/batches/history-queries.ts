import type Database from 'better-sqlite3';
import type { BatchCounts } from '../../common/contract/batches.ts';
import {
  maxCountedMatches,
  type HistoryFilter,
  type HistoryPage,
  type HistoryRowMatches,
  type HistorySortColumn,
  type HistoryTotals,
} from '../../common/contract/history.ts';
import type { BatchQueries } from './batch-queries.ts';
import { addCounts, checkRowState, emptyCounts, type StateCountsRecord } from './batch-records.ts';
import { matchingRowIdsSql, searchTermsOf, type SearchTerms } from './history-search-terms.ts';

type FilterParams = SearchTerms & {
  readonly from: string | null;
  readonly to: string | null;
  readonly states: string | null;
  readonly environment: string | null;
  readonly productId: string | null;
};

const paramsOf = (filter: HistoryFilter): FilterParams => ({
  ...searchTermsOf(filter.search),
  // Stored times are UTC ISO strings: bounds given with an offset are compared in the same form.
  from: filter.from === undefined ? null : new Date(filter.from).toISOString(),
  to: filter.to === undefined ? null : new Date(filter.to).toISOString(),
  states: filter.states === undefined || filter.states.length === 0 ? null : JSON.stringify(filter.states),
  environment: filter.environment ?? null,
  productId: filter.productId ?? null,
});

const batchConditions = `(@from IS NULL OR b.created_at >= @from)
  AND (@to IS NULL OR b.created_at < @to)
  AND (@states IS NULL OR b.status IN (SELECT value FROM json_each(@states)))
  AND (@environment IS NULL OR b.environment = @environment)`;

const batchWhere = (terms: SearchTerms) => `${batchConditions}
  AND (@productId IS NULL
    OR EXISTS (SELECT 1 FROM batch_rows p WHERE p.product_id = @productId AND p.batch_id = b.id))
  ${
    terms.prefix === null
      ? ''
      : `AND (b.name LIKE @nameContains ESCAPE '\\' OR b.id = @batchId
    OR b.id IN (SELECT r.batch_id FROM batch_rows r WHERE r.rowid IN (${matchingRowIdsSql(terms)})))`
  }`;

const sortSql: Readonly<Record<HistorySortColumn, string>> = {
  name: 'b.name COLLATE NOCASE',
  status: 'b.status',
  environment: 'b.environment',
  createdAt: 'b.created_at',
  sentAt: 'b.sent_at',
  finishedAt: 'b.finished_at',
  rows: 's.rows',
  fulfilled: 's.fulfilled',
  failed: 's.failed + s.needs_review',
  reviewedCost: 'b.reviewed_cost_cents',
  chargedCost: 's.charged_cents',
};

interface TotalsRecord extends StateCountsRecord {
  currency_code: string;
  batches: number;
  reviewed: number;
  charged: number;
  charged_unknown: number;
}

interface RowMatchRecord {
  batch_id: string;
  batch_name: string;
  environment: string;
  created_at: string;
  currency_code: string;
  row_no: number;
  po_number: string;
  recipient_label: string;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  sms: string | null;
  reference: string | null;
  product_id: string;
  product_name: string | null;
  cost_cents: number;
  order_id: string | null;
  state: string;
}

const totalsFrom = (records: readonly TotalsRecord[]): HistoryTotals => {
  const counts: BatchCounts = emptyCounts();
  let batches = 0;
  for (const record of records) {
    batches += record.batches;
    addCounts(counts, record);
  }
  return {
    batches,
    counts,
    byCurrency: records.map((record) => ({
      currencyCode: record.currency_code,
      reviewedCostCents: record.reviewed,
      chargedCostCents: record.charged,
      chargedUnknownCostCents: record.charged_unknown,
    })),
  };
};

/** The name a row rewards: first and last name where the ledger has them, else the label it was sent with. */
export const recipientNameOf = (row: {
  first_name: string | null;
  last_name: string | null;
  recipient_label: string;
}): string => {
  const name = [row.first_name, row.last_name].filter((part) => part !== null && part !== '').join(' ');
  return name === '' ? row.recipient_label : name;
};

/**
 * History over the whole ledger (docs/architecture.md §1.5): batches filtered, sorted, totalled and
 * paged from `batch_stats`, and rows found by indexed prefix search. Reads only; never a whole table
 * over IPC.
 */
export const createHistoryQueries = (db: Database.Database, batches: BatchQueries) => {
  // One statement per shape of query (sort, and which search keys apply), prepared once and kept.
  const statements = new Map<string, Database.Statement>();
  const prepared = <Params extends object, Row>(sql: string): Database.Statement<[Params], Row> => {
    const known = statements.get(sql);
    if (known !== undefined) return known as Database.Statement<[Params], Row>; // cached under its own SQL
    const statement = db.prepare<[Params], Row>(sql);
    statements.set(sql, statement);
    return statement;
  };
  const fromBatches = (terms: SearchTerms) =>
    `FROM batches b JOIN batch_stats s ON s.batch_id = b.id WHERE ${batchWhere(terms)}`;
  type PageParams = FilterParams & { limit: number; offset: number };
  type PageRecord = { id: string; sent_at: string | null; finished_at: string | null };
  const selectPage = (params: FilterParams, column: HistorySortColumn, direction: 'asc' | 'desc') =>
    prepared<PageParams, PageRecord>(
      `SELECT b.id, b.sent_at, b.finished_at ${fromBatches(params)}
       ORDER BY ${sortSql[column]} ${direction.toUpperCase()}, b.created_at DESC, b.id
       LIMIT @limit OFFSET @offset`,
    );
  const selectTotals = (params: FilterParams) =>
    prepared<FilterParams, TotalsRecord>(
      `SELECT b.currency_code, COUNT(*) AS batches, SUM(s.rows) AS rows, SUM(s.queued) AS queued,
         SUM(s.submitting) AS submitting, SUM(s.pending) AS pending, SUM(s.fulfilled) AS fulfilled,
         SUM(s.failed) AS failed, SUM(s.needs_review) AS needs_review, SUM(s.cancelled) AS cancelled,
         SUM(b.reviewed_cost_cents) AS reviewed, SUM(s.charged_cents) AS charged,
         SUM(s.charged_unknown_cents) AS charged_unknown
       ${fromBatches(params)} GROUP BY b.currency_code ORDER BY b.currency_code`,
    );
  const selectEnvironments = db.prepare<[], { environment: string }>(
    'SELECT DISTINCT environment FROM batches ORDER BY environment',
  );
  // One index seek per product rather than a scan of every row.
  const selectProducts = db.prepare<[], { id: string; name: string | null }>(
    `WITH RECURSIVE products (id) AS (
       SELECT MIN(product_id) FROM batch_rows
       UNION ALL SELECT (SELECT MIN(product_id) FROM batch_rows WHERE product_id > products.id)
       FROM products WHERE products.id IS NOT NULL)
     SELECT id, (SELECT product_name FROM batch_rows WHERE product_id = products.id
       AND product_name IS NOT NULL LIMIT 1) AS name
     FROM products WHERE id IS NOT NULL`,
  );

  const rowMatches = (terms: SearchTerms) => `FROM (${matchingRowIdsSql(terms)}) m
    JOIN batch_rows r ON r.rowid = m.id JOIN batches b ON b.id = r.batch_id
    WHERE ${batchConditions} AND (@productId IS NULL OR r.product_id = @productId)`;
  const selectRowMatches = (params: FilterParams) =>
    prepared<FilterParams & { limit: number; offset: number }, RowMatchRecord>(
      `SELECT b.id AS batch_id, b.name AS batch_name, b.environment, b.created_at, b.currency_code, r.row_no,
         r.po_number, r.recipient_label, r.first_name, r.last_name, r.email, r.sms, r.reference, r.product_id,
         r.product_name, r.cost_cents, r.order_id, r.state
       ${rowMatches(params)} ORDER BY b.created_at DESC, b.id, r.row_no LIMIT @limit OFFSET @offset`,
    );
  const countRowMatches = (params: FilterParams) =>
    prepared<FilterParams & { cap: number }, { count: number }>(
      `SELECT COUNT(*) AS count FROM (SELECT 1 ${rowMatches(params)} LIMIT @cap)`,
    );

  return {
    list: (input: {
      readonly filter: HistoryFilter;
      readonly sort: { readonly column: HistorySortColumn; readonly direction: 'asc' | 'desc' };
      readonly limit: number;
      readonly offset: number;
    }): HistoryPage => {
      const params = paramsOf(input.filter);
      const page = selectPage(params, input.sort.column, input.sort.direction).all({
        ...params,
        limit: input.limit,
        offset: input.offset,
      });
      return {
        batches: page.flatMap((record) => {
          const summary = batches.summary(record.id);
          return summary === undefined
            ? []
            : [{ summary, sentAt: record.sent_at, finishedAt: record.finished_at }];
        }),
        totals: totalsFrom(selectTotals(params).all(params)),
        environments: selectEnvironments.all().map((record) => record.environment),
        products: selectProducts.all().map((record) => ({ id: record.id, name: record.name ?? record.id })),
      };
    },

    searchRows: (input: {
      readonly filter: HistoryFilter;
      readonly limit: number;
      readonly offset: number;
    }): HistoryRowMatches => {
      const params = paramsOf(input.filter);
      if (params.prefix === null) return { rows: [], total: 0, capped: false };
      const counted = countRowMatches(params).get({ ...params, cap: maxCountedMatches + 1 })?.count ?? 0;
      const rows = selectRowMatches(params).all({ ...params, limit: input.limit, offset: input.offset });
      return {
        rows: rows.map((row) => ({
          batchId: row.batch_id,
          batchName: row.batch_name,
          environment: row.environment,
          createdAt: row.created_at,
          currencyCode: row.currency_code,
          rowNo: row.row_no,
          poNumber: row.po_number,
          recipient: recipientNameOf(row),
          email: row.email,
          sms: row.sms,
          reference: row.reference,
          productName: row.product_name ?? row.product_id,
          costCents: row.cost_cents,
          orderId: row.order_id,
          state: checkRowState(row.state),
        })),
        total: Math.min(counted, maxCountedMatches),
        capped: counted > maxCountedMatches,
      };
    },
  };
};

export type HistoryQueries = ReturnType<typeof createHistoryQueries>;
