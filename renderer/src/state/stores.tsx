import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { GiftBatchApi } from '../../../common/contract/channels.ts';
import { createAppStore, type AppState, type AppStore } from './app-store.ts';
import {
  createAuditActionsStore,
  type AuditActionsState,
  type AuditActionsStore,
} from './audit-actions-store.ts';
import { createBatchesStore, type BatchesState, type BatchesStore } from './batches-store.ts';
import { createCatalogStore, type CatalogStore, type CatalogStoreState } from './catalog-store.ts';
import {
  createConnectionStore,
  type ConnectionStore,
  type ConnectionStoreState,
} from './connection-store.ts';
import { createDraftStore, type DraftState, type DraftStore } from './draft-store.ts';
import {
  createGuideStore,
  type GuideState,
  type GuideStore,
  type LegacyGuideStorage,
} from './guide-store.ts';
import { createHistoryStore, type HistoryState, type HistoryStore } from './history-store.ts';
import { createImportStore, type ImportStore, type ImportStoreState } from './import-store.ts';
import { createLedgerStore, type LedgerState, type LedgerStore } from './ledger-store.ts';
import { createReviewStore, type ReviewState, type ReviewStore } from './review-store.ts';
import { createRowEditStore, type RowEditState, type RowEditStore } from './row-edit-store.ts';
import {
  createSendingSettingsStore,
  type SendingSettingsState,
  type SendingSettingsStore,
} from './sending-settings-store.ts';
import { createUiStore, type UiState, type UiStore } from './ui-store.ts';
import { createValidationStore, type ValidationState, type ValidationStore } from './validation-store.ts';
import { createPreferencesStore, type PreferencesState, type PreferencesStore } from './preferences-store.ts';

export interface Stores {
  readonly app: AppStore;
  readonly ui: UiStore;
  readonly connection: ConnectionStore;
  readonly catalog: CatalogStore;
  readonly draft: DraftStore;
  readonly importer: ImportStore;
  readonly review: ReviewStore;
  readonly batches: BatchesStore;
  readonly history: HistoryStore;
  readonly rowEdit: RowEditStore;
  readonly sending: SendingSettingsStore;
  readonly audit: AuditActionsStore;
  readonly ledger: LedgerStore;
  readonly validation: ValidationStore;
  readonly preferences: PreferencesStore;
  readonly guide: GuideStore;
}

/**
 * A fresh set of stores per app (and per test), all talking to main through one api; `legacyStorage` is
 * the window's localStorage, where an earlier version kept the first-run guide's seen flag.
 */
export const createStores = (api: GiftBatchApi, legacyStorage: LegacyGuideStorage | null = null): Stores => {
  const draft = createDraftStore(api);
  const batches = createBatchesStore(api);
  const catalog = createCatalogStore(api);
  return {
    app: createAppStore(api),
    ui: createUiStore(),
    connection: createConnectionStore(api),
    catalog,
    draft,
    importer: createImportStore(api, draft),
    review: createReviewStore(api, draft),
    batches,
    history: createHistoryStore(api),
    rowEdit: createRowEditStore(api, batches),
    sending: createSendingSettingsStore(api),
    audit: createAuditActionsStore(api),
    ledger: createLedgerStore(api),
    validation: createValidationStore(draft, catalog),
    preferences: createPreferencesStore(api),
    guide: createGuideStore(api, legacyStorage),
  };
};

const StoresContext = createContext<Stores | undefined>(undefined);

export const StoresProvider = ({ stores, children }: { stores: Stores; children: ReactNode }) => (
  <StoresContext.Provider value={stores}>{children}</StoresContext.Provider>
);

const useStores = (): Stores => {
  const stores = useContext(StoresContext);
  if (stores === undefined) throw new Error('A component used a store outside <StoresProvider>.');
  return stores;
};

export const useAppState = <T,>(selector: (state: AppState) => T): T => useStore(useStores().app, selector);
export const useUiState = <T,>(selector: (state: UiState) => T): T => useStore(useStores().ui, selector);
export const useConnectionState = <T,>(selector: (state: ConnectionStoreState) => T): T =>
  useStore(useStores().connection, selector);
export const useCatalogState = <T,>(selector: (state: CatalogStoreState) => T): T =>
  useStore(useStores().catalog, selector);
export const useDraftState = <T,>(selector: (state: DraftState) => T): T =>
  useStore(useStores().draft, selector);
export const useImportState = <T,>(selector: (state: ImportStoreState) => T): T =>
  useStore(useStores().importer, selector);
export const useReviewState = <T,>(selector: (state: ReviewState) => T): T =>
  useStore(useStores().review, selector);
export const useBatchesState = <T,>(selector: (state: BatchesState) => T): T =>
  useStore(useStores().batches, selector);
export const useHistoryState = <T,>(selector: (state: HistoryState) => T): T =>
  useStore(useStores().history, selector);
export const useRowEditState = <T,>(selector: (state: RowEditState) => T): T =>
  useStore(useStores().rowEdit, selector);
export const useSendingSettingsState = <T,>(selector: (state: SendingSettingsState) => T): T =>
  useStore(useStores().sending, selector);
export const useAuditActionsState = <T,>(selector: (state: AuditActionsState) => T): T =>
  useStore(useStores().audit, selector);
export const useLedgerState = <T,>(selector: (state: LedgerState) => T): T =>
  useStore(useStores().ledger, selector);
export const useValidationState = <T,>(selector: (state: ValidationState) => T): T =>
  useStore(useStores().validation, selector);
export const usePreferencesState = <T,>(selector: (state: PreferencesState) => T): T =>
  useStore(useStores().preferences, selector);
export const useGuideState = <T,>(selector: (state: GuideState) => T): T =>
  useStore(useStores().guide, selector);
