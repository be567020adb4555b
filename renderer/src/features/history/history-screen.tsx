import { useUiState } from '../../state/stores.tsx';
import { TrackView } from '../track/track-view.tsx';
import { BatchList } from './batch-list.tsx';

/** Every batch sent; choosing one (or sending one) opens its Track view. */
export const HistoryScreen = () => {
  const trackedBatchId = useUiState((state) => state.trackedBatchId);
  return trackedBatchId === null ? (
    <BatchList />
  ) : (
    <TrackView key={trackedBatchId} batchId={trackedBatchId} />
  );
};
