import type { ContractTransport, GiftBatchApi } from '../common/contract/channels.ts';

/**
 * `window.giftbatch`, written out method by method so the exposed surface is reviewable at a glance;
 * `satisfies` makes a channel missing here (or one too many) a compile error.
 */
export const createGiftBatchApi = (transport: ContractTransport) =>
  ({
    getAppInfo: () => transport.invoke('app:get-info', undefined),
    getConnectionState: () => transport.invoke('connection:get-state', undefined),
    testConnection: () => transport.invoke('connection:test', undefined),
    refreshBalance: () => transport.invoke('connection:refresh-balance', undefined),
    selectEnvironment: (input) => transport.invoke('connection:select-environment', input),
    setCredentials: (input) => transport.invoke('credentials:set', input),
    clearCredentials: () => transport.invoke('credentials:clear', undefined),
    getCatalog: () => transport.invoke('catalog:get', undefined),
    refreshCatalog: () => transport.invoke('catalog:refresh', undefined),
    listDrafts: () => transport.invoke('drafts:list', undefined),
    createDraft: (input) => transport.invoke('drafts:create', input),
    openDraft: (input) => transport.invoke('drafts:open', input),
    saveDraftChanges: (input) => transport.invoke('drafts:save-changes', input),
    deleteDraft: (input) => transport.invoke('drafts:delete', input),
    importFile: (input) => transport.invoke('draft:import-file', input),
    rememberMapping: (input) => transport.invoke('draft:remember-mapping', input),
    getSendingSettings: () => transport.invoke('settings:get-sending', undefined),
    updateSendingSettings: (input) => transport.invoke('settings:update-sending', input),
    prepareReview: (input) => transport.invoke('review:prepare', input),
    listBatches: () => transport.invoke('batches:list', undefined),
    getBatch: (input) => transport.invoke('batches:get', input),
    startBatch: (input) => transport.invoke('batches:start', input),
    pauseBatch: (input) => transport.invoke('batches:pause', input),
    resumeBatch: (input) => transport.invoke('batches:resume', input),
    cancelBatch: (input) => transport.invoke('batches:cancel', input),
    retryFailedRows: (input) => transport.invoke('batches:retry-failed', input),
    getRowValues: (input) => transport.invoke('batches:row-values', input),
    reviseRow: (input) => transport.invoke('batches:revise-row', input),
    listHistory: (input) => transport.invoke('history:list', input),
    searchHistoryRows: (input) => transport.invoke('history:search-rows', input),
    getBatchRecord: (input) => transport.invoke('history:batch-record', input),
    duplicateBatch: (input) => transport.invoke('history:duplicate-batch', input),
    onAppNotice: (listener) => transport.subscribe('app:notice', listener),
    onConnectionChanged: (listener) => transport.subscribe('connection:changed', listener),
    onImportProgress: (listener) => transport.subscribe('draft:import-progress', listener),
    onBatchProgress: (listener) => transport.subscribe('batches:progress', listener),
  }) satisfies GiftBatchApi;
