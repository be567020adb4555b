import { createStore } from 'zustand/vanilla';
import type { AppNotice } from '../../../common/contract/app.ts';
import type { ScreenId } from '../screens.ts';

export interface UiState {
  readonly screen: ScreenId;
  readonly notices: readonly AppNotice[];
  /** History shows this batch's Track view; null shows the list of batches. */
  readonly trackedBatchId: string | null;
  /** A draft row Review asked Compose to show (a row with an error); Compose clears it once shown. */
  readonly focusRowId: string | null;
  readonly screenSelected: (screen: ScreenId) => void;
  readonly batchTracked: (batchId: string) => void;
  readonly rowFocusRequested: (rowId: string) => void;
  readonly rowFocusHandled: () => void;
  readonly noticeReceived: (notice: AppNotice) => void;
  readonly noticeDismissed: (id: string) => void;
}

/** Notices beyond this many push the oldest out, so a burst of events cannot bury the screen. */
export const maxVisibleNotices = 4;

export const createUiStore = () =>
  createStore<UiState>()((set) => ({
    screen: 'compose',
    notices: [],
    trackedBatchId: null,
    focusRowId: null,
    screenSelected: (screen) => {
      // Choosing History from the navigation shows every batch, not the last one tracked.
      set({ screen, trackedBatchId: null });
    },
    batchTracked: (batchId) => {
      set({ screen: 'history', trackedBatchId: batchId });
    },
    rowFocusRequested: (rowId) => {
      set({ screen: 'compose', trackedBatchId: null, focusRowId: rowId });
    },
    rowFocusHandled: () => {
      set({ focusRowId: null });
    },
    noticeReceived: (notice) => {
      set((state) => ({
        notices: [...state.notices.filter((shown) => shown.id !== notice.id), notice].slice(
          -maxVisibleNotices,
        ),
      }));
    },
    noticeDismissed: (id) => {
      set((state) => ({ notices: state.notices.filter((notice) => notice.id !== id) }));
    },
  }));

export type UiStore = ReturnType<typeof createUiStore>;
