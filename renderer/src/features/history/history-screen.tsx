import { useState } from 'react';
import { useUiState } from '../../state/stores.tsx';
import { TrackView } from '../track/track-view.tsx';
import { BackToHistory } from '../track/back-to-history.tsx';
import { BatchRecordPanel } from './batch-record-panel.tsx';
import { HistoryBrowser } from './history-browser.tsx';

type BatchTab = 'track' | 'details';

const BatchView = ({ batchId }: { batchId: string }) => {
  const [tab, setTab] = useState<BatchTab>('track');
  const tabButton = (id: BatchTab, label: string) => (
    <button
      type="button"
      role="tab"
      aria-selected={tab === id}
      className={tab === id ? 'history__tab history__tab--selected' : 'history__tab'}
      onClick={() => {
        setTab(id);
      }}
    >
      {label}
    </button>
  );
  return (
    <div className="history__batch">
      <div role="tablist" aria-label="Batch view" className="history__tabs">
        {tabButton('track', 'Track')}
        {tabButton('details', 'Details')}
      </div>
      {tab === 'track' ? (
        <TrackView key={batchId} batchId={batchId} />
      ) : (
        <div role="tabpanel" aria-label="Details">
          <BackToHistory />
          <BatchRecordPanel batchId={batchId} />
        </div>
      )}
    </div>
  );
};

/** Every batch sent; choosing one (or sending one) opens it: its live Track view, or its full record. */
export const HistoryScreen = () => {
  const trackedBatchId = useUiState((state) => state.trackedBatchId);
  return trackedBatchId === null ? (
    <HistoryBrowser />
  ) : (
    <BatchView key={trackedBatchId} batchId={trackedBatchId} />
  );
};
