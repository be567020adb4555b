import { useEffect } from 'react';
import { countOf } from '../../wording.ts';
import { useBatchesState, useHistoryState } from '../../state/stores.tsx';
import { BatchList } from './batch-list.tsx';
import { HistoryExport } from './history-export.tsx';
import { HistoryFilters } from './history-filters.tsx';
import { RowMatches } from './row-matches.tsx';

/** Every batch in the ledger: search, filters, the matching rows, and a page of batches with totals. */
export const HistoryBrowser = () => {
  const status = useHistoryState((state) => state.status);
  const error = useHistoryState((state) => state.error);
  const page = useHistoryState((state) => state.page);
  const waiting = useHistoryState((state) => state.waiting);
  const historyRequested = useHistoryState((state) => state.historyRequested);
  const actionError = useBatchesState((state) => state.actionError);

  useEffect(() => {
    void historyRequested();
  }, [historyRequested]);

  if (page === null && status !== 'failed') return <p className="muted history">Loading batches…</p>;
  if (page?.totals.batches === 0 && page.environments.length === 0) {
    return <p className="muted history">No batches yet: compose one, review it and send it.</p>;
  }
  return (
    <div className="history">
      {waiting === 0 ? null : (
        <p className="callout callout--warning" data-testid="waiting-batches">
          {countOf(waiting, 'batch', 'batches')} paused or interrupted: resume {waiting === 1 ? 'it' : 'them'}{' '}
          to send the rows not yet sent. Rows already sent are never sent twice.
        </p>
      )}
      {actionError === null ? null : (
        <p className="callout callout--error" role="alert">
          {actionError}
        </p>
      )}
      <HistoryFilters />
      <div className="toolbar" role="toolbar" aria-label="History actions">
        <HistoryExport />
      </div>
      {status === 'failed' ? (
        <p className="callout callout--error" role="alert">
          {error}
        </p>
      ) : null}
      <RowMatches />
      <BatchList />
    </div>
  );
};
