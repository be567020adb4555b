import { createStore } from 'zustand/vanilla';
import type { AppNotice } from '../../../common/contract/app.ts';
import type { ScreenId } from '../screens.ts';

export interface UiState {
  readonly screen: ScreenId;
  readonly notices: readonly AppNotice[];
  readonly screenSelected: (screen: ScreenId) => void;
  readonly noticeReceived: (notice: AppNotice) => void;
  readonly noticeDismissed: (id: string) => void;
}

/** Notices beyond this many push the oldest out, so a burst of events cannot bury the screen. */
export const maxVisibleNotices = 4;

export const createUiStore = () =>
  createStore<UiState>()((set) => ({
    screen: 'compose',
    notices: [],
    screenSelected: (screen) => {
      set({ screen });
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
