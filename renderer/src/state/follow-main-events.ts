import type { GiftBatchApi, Unsubscribe } from '../../../common/contract/channels.ts';
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
      if (!sameProvider && previous !== null) stores.catalog.getState().providerChanged();
    }),
    api.onImportProgress(({ fileName, fraction }) =>
      stores.importer.getState().progressReported(fileName, fraction),
    ),
  ];
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
};
