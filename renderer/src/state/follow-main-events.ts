import type { GiftBatchApi, Unsubscribe } from '../../../common/contract/channels.ts';
import { followMenuCommand } from './menu-commands.ts';
import type { Stores } from './stores.tsx';

/** Routes every event main pushes into the store that shows it; returns one function to stop them all. */
export const followMainEvents = (api: GiftBatchApi, stores: Stores): Unsubscribe => {
  const unsubscribers = [
    api.onAppNotice((notice) => stores.ui.getState().noticeReceived(notice)),
    api.onConnectionChanged((state) => {
      const previous = stores.connection.getState().connection;
      stores.connection.getState().connectionChanged(state);
      const sameProvider =
        previous?.environment === state.environment &&
        (state.environment === 'sandbox' || previous.baseUrl === state.baseUrl);
      const catalog = stores.catalog.getState();
      if (!sameProvider && previous !== null) void catalog.providerChanged();
      // The provider answers again (credentials fixed, back online): a catalog that failed is fetched now.
      else if (state.status === 'connected' && catalog.status === 'failed') void catalog.catalogRequested();
    }),
    api.onImportProgress(({ fileName, fraction }) =>
      stores.importer.getState().progressReported(fileName, fraction),
    ),
    api.onBatchProgress((progress) => {
      const batchId = progress.summary.id;
      const before = stores.batches.getState().summaries.find((known) => known.id === batchId)?.status;
      stores.batches.getState().progressReceived(progress);
      // Sending stopped (finished, paused, cancelled): what was spent now shows in the Available balance.
      if (progress.summary.status !== 'sending' && before !== progress.summary.status) {
        void stores.connection.getState().balanceRefreshRequested();
      }
    }),
    api.onMenuCommand(({ command }) => {
      followMenuCommand(command, stores);
    }),
    api.onFileOpened(({ fileName, contentBase64 }) => {
      stores.ui.getState().screenSelected('compose');
      void stores.importer.getState().fileReceived(fileName, contentBase64);
    }),
  ];
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
};
