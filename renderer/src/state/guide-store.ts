import { createStore } from 'zustand/vanilla';
import type { GiftBatchApi } from '../../../common/contract/channels.ts';

/** Where earlier versions kept the guide's seen flag: the window's localStorage. */
export interface LegacyGuideStorage {
  getItem(key: string): string | null;
  removeItem(key: string): void;
}

export const legacyGuideSeenKey = 'giftbatch.firstRunGuide';
export const guideStepCount = 3;

export interface GuideState {
  readonly isOpen: boolean;
  /** 0-based: the Sandbox, moving to Staging/Production, a sample batch. */
  readonly step: number;
  /** On launch: opens the guide unless the settings file says it was seen. */
  readonly guideRequested: () => Promise<void>;
  readonly guideOpened: () => void;
  readonly stepChosen: (step: number) => void;
  /** Skipped or finished: it is not shown by itself again. Resolves once the settings file has it. */
  readonly guideClosed: () => Promise<void>;
}

// localStorage may refuse (disabled, or the profile unreadable): then there is nothing to carry over.
const seenInLegacy = (legacy: LegacyGuideStorage | null): boolean => {
  try {
    return legacy?.getItem(legacyGuideSeenKey) === 'seen';
  } catch {
    return false;
  }
};
const forgetLegacy = (legacy: LegacyGuideStorage | null): void => {
  try {
    legacy?.removeItem(legacyGuideSeenKey);
  } catch {
    // Left there, it is carried over again next launch, to the same effect.
  }
};

/**
 * The first-run guide: open on the first launch, until skipped or finished; Settings opens it again.
 * Whether it was seen lives in the settings file (main), read through the contract.
 */
export const createGuideStore = (api: GiftBatchApi, legacy: LegacyGuideStorage | null = null) =>
  createStore<GuideState>()((set) => ({
    isOpen: false,
    step: 0,
    guideRequested: async () => {
      const guide = await api.getFirstRunGuide();
      // Unreadable, it stays closed: Settings still opens it.
      if (!guide.ok || guide.value.seen) return;
      if (seenInLegacy(legacy)) {
        // Carried into the settings file once; the old flag goes only when the file has it.
        if ((await api.updateFirstRunGuide({ seen: true })).ok) forgetLegacy(legacy);
        return;
      }
      set({ isOpen: true, step: 0 });
    },
    guideOpened: () => {
      set({ isOpen: true, step: 0 });
    },
    stepChosen: (step) => {
      set({ step: Math.min(Math.max(step, 0), guideStepCount - 1) });
    },
    guideClosed: async () => {
      set({ isOpen: false });
      // Refused, the guide shows again next launch, which is all that is lost.
      await api.updateFirstRunGuide({ seen: true });
    },
  }));

export type GuideStore = ReturnType<typeof createGuideStore>;
