import type { DraftStore } from './draft-store.ts';

/** Saves this long after the last change, so typing is not interrupted and a save lands within a second. */
export const autosaveDelayMs = 400;

/** Watches the draft and saves it shortly after every change; returns a function that stops watching. */
export const startAutosave = (store: DraftStore, delayMs = autosaveDelayMs): (() => void) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const unsubscribe = store.subscribe((state) => {
    if (state.saveStatus !== 'unsaved') return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      void store.getState().saveRequested();
    }, delayMs);
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
};
