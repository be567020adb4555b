import type { BatchSummary } from '../../../../common/contract/batches.ts';
import type { HistoryBatch, HistorySortColumn, HistoryTotals } from '../../../../common/contract/history.ts';
import { describeChargedUnknown } from '../../../../common/batches/charged-cost.ts';
import { formatCents } from '../../../../common/money.ts';
import { countOf, formatDateTime } from '../../wording.ts';
import { historyPageSize } from '../../state/history-store.ts';
import { useBatchesState, useHistoryState, useUiState } from '../../state/stores.tsx';
import { awaitedStartOf, batchStatusLabels, isWaitingForUser } from '../track/labels.ts';
import { Pager } from './pager.tsx';
import { BatchNameLink } from './batch-name-link.tsx';
import { ScheduledStatus } from './scheduled-status.tsx';

const columns = [
  ['name', 'Batch'],
  ['environment', 'Environment'],
  ['status', 'Status'],
  ['rows', 'Rows'],
  ['createdAt', 'Created'],
  ['sentAt', 'Sent'],
  ['finishedAt', 'Finished'],
  ['reviewedCost', 'Reviewed cost'],
  ['chargedCost', 'Charged cost'],
] as const satisfies readonly (readonly [HistorySortColumn, string])[];

const SortableHeader = ({ column, label }: { column: HistorySortColumn; label: string }) => {
  const sort = useHistoryState((state) => state.sort);
  const sortRequested = useHistoryState((state) => state.sortRequested);
  const isSorted = sort.column === column;
  const direction = sort.direction === 'asc' ? 'ascending' : 'descending';
  return (
    <th scope="col" aria-sort={isSorted ? direction : 'none'}>
      <button
        type="button"
        className="history__sort"
        onClick={() => {
          void sortRequested(column);
        }}
      >
        {label}
        <span aria-hidden="true">{isSorted ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );
};

const problemsOf = (counts: BatchSummary['counts']): string[] =>
  [
    counts.failed === 0 ? null : `${String(counts.failed)} failed`,
    counts.needsReview === 0 ? null : `${String(counts.needsReview)} need review`,
    counts.cancelled === 0 ? null : `${String(counts.cancelled)} cancelled`,
    counts.pending === 0 ? null : `${String(counts.pending)} pending`,
  ].filter((part) => part !== null);

const BatchListRow = ({ entry }: { entry: HistoryBatch }) => {
  const batchTracked = useUiState((state) => state.batchTracked);
  const actionRequested = useBatchesState((state) => state.actionRequested);
  const pendingAction = useBatchesState((state) => state.pendingAction);
  // Progress events keep the batches store current; the page is as main answered when it was loaded.
  const live = useBatchesState((state) => state.summaries.find((known) => known.id === entry.summary.id));
  const summary = live ?? entry.summary;
  const money = (cents: number) => formatCents(cents, summary.currencyCode);
  const { counts } = summary;
  const awaitedStart = awaitedStartOf(summary);
  // A scheduled batch starts by itself: opening it offers Send now, so the list offers no Resume.
  const isWaiting = isWaitingForUser(summary) && awaitedStart === null;
  const problems = problemsOf(counts);
  const when = (iso: string | null) => (iso === null ? '—' : formatDateTime(iso));

  return (
    <tr
      className={isWaiting ? 'batches__row batches__row--waiting' : 'batches__row'}
      onClick={() => {
        batchTracked(summary.id);
      }}
    >
      <th scope="row">
        <BatchNameLink batchId={summary.id} name={summary.name} detail={summary.id} />
      </th>
      <td>{summary.environment}</td>
      <td>
        {awaitedStart === null ? (
          <span className={`badge badge--${summary.status}`}>{batchStatusLabels[summary.status]}</span>
        ) : (
          <ScheduledStatus scheduledFor={awaitedStart} />
        )}
        {summary.pauseReason === null ? null : (
          <span className="batches__reason">{summary.pauseReason.message}</span>
        )}
      </td>
      <td>
        {counts.fulfilled.toLocaleString('en-US')} of {countOf(counts.rows, 'row')} fulfilled
        {problems.length === 0 ? null : <span className="batches__reason">{problems.join(' · ')}</span>}
      </td>
      <td>{formatDateTime(summary.createdAt)}</td>
      <td>{when(entry.sentAt)}</td>
      <td>{when(entry.finishedAt)}</td>
      <td className="batches__money">{money(summary.reviewedCostCents)}</td>
      <td className="batches__money">
        {money(summary.chargedCostCents)}
        {summary.chargedUnknownRows === 0 ? null : (
          <span className="batches__reason" title={describeChargedUnknown(summary)}>
            + {money(summary.chargedUnknownCostCents)} unknown
          </span>
        )}
      </td>
      <td>
        {isWaiting ? (
          <button
            type="button"
            className="button button--primary"
            disabled={pendingAction !== null}
            onClick={(event) => {
              event.stopPropagation();
              void actionRequested('resumeBatch', summary.id).then(() => {
                batchTracked(summary.id);
              });
            }}
          >
            Resume
          </button>
        ) : null}
      </td>
    </tr>
  );
};

const TotalsRow = ({ totals }: { totals: HistoryTotals }) => {
  const problems = problemsOf(totals.counts);
  const money = (pick: (line: HistoryTotals['byCurrency'][number]) => number) =>
    totals.byCurrency.map((line) => (
      <span key={line.currencyCode}>{formatCents(pick(line), line.currencyCode)}</span>
    ));
  return (
    <tr className="history__totals" data-testid="history-totals">
      <th scope="row">Total: {countOf(totals.batches, 'batch', 'batches')}</th>
      <td colSpan={2} />
      <td>
        {totals.counts.fulfilled.toLocaleString('en-US')} of {countOf(totals.counts.rows, 'row')} fulfilled
        {problems.length === 0 ? null : <span className="batches__reason">{problems.join(' · ')}</span>}
      </td>
      <td colSpan={3} />
      <td className="batches__money">{money((line) => line.reviewedCostCents)}</td>
      <td className="batches__money">
        {money((line) => line.chargedCostCents)}
        {totals.byCurrency.some((line) => line.chargedUnknownCostCents > 0) ? (
          <span className="batches__reason">+ {money((line) => line.chargedUnknownCostCents)} unknown</span>
        ) : null}
      </td>
      <td />
    </tr>
  );
};

/** One page of the batches the filters select, sorted as asked, with the totals of all of them. */
export const BatchList = () => {
  const page = useHistoryState((state) => state.page);
  const offset = useHistoryState((state) => state.offset);
  const pageRequested = useHistoryState((state) => state.pageRequested);
  if (page === null) return null;
  if (page.totals.batches === 0) {
    return <p className="muted">No batch matches these filters.</p>;
  }
  return (
    <>
      <div className="history__scroll">
        <table className="review__table batches" aria-label="Batches">
          <thead>
            <tr>
              {columns.map(([column, label]) => (
                <SortableHeader key={column} column={column} label={label} />
              ))}
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {page.batches.map((entry) => (
              <BatchListRow key={entry.summary.id} entry={entry} />
            ))}
          </tbody>
          <tfoot>
            <TotalsRow totals={page.totals} />
          </tfoot>
        </table>
      </div>
      <Pager
        label="Pages of batches"
        offset={offset}
        pageSize={historyPageSize}
        total={page.totals.batches}
        onPage={(next) => {
          void pageRequested(next);
        }}
      />
    </>
  );
};
