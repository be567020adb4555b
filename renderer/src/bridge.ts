import type { GiftBatchApi } from '../../common/contract/channels.ts';

declare global {
  interface Window {
    /** Set by preload (Electron) or by the test bridge (a plain browser); absent anywhere else. */
    readonly giftbatch?: GiftBatchApi;
  }
}

/** The only place the renderer touches `window.giftbatch`. */
export const connectToMain = (): GiftBatchApi | undefined => window.giftbatch;
