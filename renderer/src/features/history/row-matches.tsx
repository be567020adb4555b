import { formatCents } from '../../../../common/money.ts';
import { countOf, formatDateTime } from '../../wording.ts';
import { historyPageSize } from '../../state/history-store.ts';
import { useHistoryState } from '../../state/stores.tsx';
import { rowStateLabels } from '../track/labels.ts';
import { BatchNameLink } from './batch-name-link.tsx';
import { HistoryTable } from './history-table.tsx';
import { Pager } from './pager.tsx';

/** The rows a search found, across every batch, each with its batch; choosing one opens the batch. */
export const RowMatches = () => {
  const matches = useHistoryState((state) => state.matches);
  const offset = useHistoryState((state) => state.matchesOffset);
  const matchesPageRequested = useHistoryState((state) => state.matchesPageRequested);
  if (matches === null) return null;
  const heading = `${matches.capped ? 'More than ' : ''}${countOf(matches.total, 'row', 'rows')} ${matches.total === 1 && !matches.capped ? 'matches' : 'match'}`;
  return (
    <section className="history__matches" aria-label="Matching rows">
      <h3>{heading}</h3>
      {matches.rows.length === 0 ? null : (
        <HistoryTable
          label="Matching rows"
          columns={[
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
        >
          {matches.rows.map((row) => (
            <tr key={`${row.batchId}-${String(row.rowNo)}`} className="batches__row">
              <td>
                <BatchNameLink
                  batchId={row.batchId}
                  name={row.batchName}
                  detail={`${row.environment} · ${formatDateTime(row.createdAt)}`}
                />
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
        </HistoryTable>
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
