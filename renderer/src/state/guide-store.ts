import { createStore } from 'zustand/vanilla';

/** Where the window keeps its own preferences: localStorage in the app (kept per user by Electron). */
export interface UiPreferenceStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const guideSeenKey = 'giftbatch.firstRunGuide';
export const guideStepCount = 3;

export interface GuideState {
  readonly isOpen: boolean;
  /** 0-based: the Sandbox, moving to Staging/Production, a sample batch. */
  readonly step: number;
  readonly guideOpened: () => void;
  readonly stepChosen: (step: number) => void;
  /** Skipped or finished: it is not shown by itself again. */
  readonly guideClosed: () => void;
}

/**
 * The first-run guide: open on the first launch, until skipped or finished; Settings opens it again.
 * Without a storage (tests that do not ask for it) it never opens by itself.
 */
export const createGuideStore = (storage: UiPreferenceStorage | null) =>
  createStore<GuideState>()((set) => ({
    isOpen: storage !== null && storage.getItem(guideSeenKey) !== 'seen',
    step: 0,
    guideOpened: () => {
      set({ isOpen: true, step: 0 });
    },
    stepChosen: (step) => {
      set({ step: Math.min(Math.max(step, 0), guideStepCount - 1) });
    },
    guideClosed: () => {
      set({ isOpen: false });
      try {
        storage?.setItem(guideSeenKey, 'seen');
      } catch {
        // Storage full or disabled: the guide shows again next launch, which is all that is lost.
      }
    },
  }));

export type GuideStore = ReturnType<typeof createGuideStore>;
