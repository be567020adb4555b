import { formatCents } from '../../../../common/money.ts';
import { countOf, formatDateTime } from '../../wording.ts';
import { historyPageSize } from '../../state/history-store.ts';
import { useHistoryState, useUiState } from '../../state/stores.tsx';
import { rowStateLabels } from '../track/labels.ts';
import { ColumnHeads } from './column-heads.tsx';
import { Pager } from './pager.tsx';

/** The rows a search found, across every batch, each with its batch; choosing one opens the batch. */
export const RowMatches = () => {
  const matches = useHistoryState((state) => state.matches);
  const offset = useHistoryState((state) => state.matchesOffset);
  const matchesPageRequested = useHistoryState((state) => state.matchesPageRequested);
  const batchTracked = useUiState((state) => state.batchTracked);
  if (matches === null) return null;
  const heading = `${matches.capped ? 'More than ' : ''}${countOf(matches.total, 'row', 'rows')} ${matches.total === 1 && !matches.capped ? 'matches' : 'match'}`;
  return (
    <section className="history__matches" aria-label="Matching rows">
      <h3>{heading}</h3>
      {matches.rows.length === 0 ? null : (
        <div className="history__scroll">
          <table className="review__table history__table" aria-label="Matching rows">
            <thead>
              <tr>
                <ColumnHeads
                  names={[
                    'Batch',
                    'Row',
                    'Recipient',
                    'Email',
                    'Phone',
                    'Reference',
                    'PO number',
                    'Order id',
                    'State',
                    'Cost',
                  ]}
                />
              </tr>
            </thead>
            <tbody>
              {matches.rows.map((row) => (
                <tr key={`${row.batchId}-${String(row.rowNo)}`} className="batches__row">
                  <td>
                    <button
                      type="button"
                      className="button--link batches__name"
                      onClick={() => {
                        batchTracked(row.batchId);
                      }}
                    >
                      {row.batchName}
                    </button>
                    <span className="batches__id">
                      {row.environment} · {formatDateTime(row.createdAt)}
                    </span>
                  </td>
                  <td>{row.rowNo}</td>
                  <td>{row.recipient}</td>
                  <td>{row.email ?? ''}</td>
                  <td>{row.sms ?? ''}</td>
                  <td>{row.reference ?? ''}</td>
                  <td className="history__code">{row.poNumber}</td>
                  <td className="history__code">{row.orderId ?? ''}</td>
                  <td>{rowStateLabels[row.state]}</td>
                  <td className="batches__money">{formatCents(row.costCents, row.currencyCode)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        label="Pages of matching rows"
        offset={offset}
        pageSize={historyPageSize}
        total={matches.total}
        onPage={(next) => {
          void matchesPageRequested(next);
        }}
      />
    </section>
  );
};
