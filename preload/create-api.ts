import type { ContractTransport, GiftBatchApi } from '../common/contract/channels.ts';

/**
 * `window.giftbatch`, written out method by method so the exposed surface is reviewable at a glance;
 * `satisfies` makes a channel missing here (or one too many) a compile error.
 */
export const createGiftBatchApi = (transport: ContractTransport) =>
  ({
    getAppInfo: () => transport.invoke('app:get-info', undefined),
    onAppNotice: (listener) => transport.subscribe('app:notice', listener),
  }) satisfies GiftBatchApi;
