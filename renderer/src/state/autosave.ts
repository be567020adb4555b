import type { DraftStore } from './draft-store.ts';

export interface AutosaveTiming {
  /** Saves this long after the last change, so a burst of edits becomes one save. */
  readonly delayMs: number;
  /**
   * ...but never later than this after the first unsaved change, so continuous typing is saved too
   * and every change reaches the ledger within a second (the save itself takes the rest).
   */
  readonly maxWaitMs: number;
}

export const autosaveTiming: AutosaveTiming = { delayMs: 400, maxWaitMs: 800 };

/**
 * Watches the draft and saves it shortly after every change; returns a function that stops watching.
 * Saves never overlap: saveRequested waits for a save in flight, then saves what changed since.
 */
export const startAutosave = (store: DraftStore, timing: AutosaveTiming = autosaveTiming): (() => void) => {
  let pause: ReturnType<typeof setTimeout> | undefined;
  let deadline: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    clearTimeout(pause);
    clearTimeout(deadline);
    pause = undefined;
    deadline = undefined;
  };
  const save = () => {
    stop();
    void store.getState().saveRequested();
  };
  const unsubscribe = store.subscribe((state) => {
    // An import's last part marks the draft unsaved again, and that starts the wait.
    if (state.importArriving) {
      stop();
      return;
    }
    if (state.saveStatus !== 'unsaved') return;
    clearTimeout(pause);
    pause = setTimeout(save, timing.delayMs);
    deadline ??= setTimeout(save, timing.maxWaitMs);
  });
  return () => {
    stop();
    unsubscribe();
  };
};
