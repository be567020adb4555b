import type { MenuItemConstructorOptions } from 'electron';
import type { BatchSummary } from '../../common/contract/batches.ts';
import { windowCloseNotice, type WindowCloseNotice } from '../engine/window-close-notice.ts';

/** What the shell knows when the window is asked to close or batches change while it is hidden. */
export interface CloseContext {
  readonly batches: readonly BatchSummary[];
  readonly nowMs: number;
  readonly platform: NodeJS.Platform;
  /** Shows a start time in the user's zone. */
  readonly formatTime: (iso: string) => string;
}

/** What the tray shows while the window is hidden. */
export interface TrayView {
  readonly tooltip: string;
  readonly status: readonly string[];
}

export type CloseDecision =
  /** Nothing under way: the window closes (and the app quits, except on macOS). */
  | { readonly action: 'close' }
  /** The window hides and the tray stays; `tell` is said once per run, the first time. */
  | { readonly action: 'hide'; readonly tray: TrayView; readonly tell: string | null };

export const trayNameOn = (platform: NodeJS.Platform): 'tray' | 'menu bar' =>
  platform === 'darwin' ? 'menu bar' : 'tray';

/** macOS apps stay in the dock with no window; elsewhere the last window closing ends the app. */
export const quitsWhenLastWindowCloses = (platform: NodeJS.Platform): boolean => platform !== 'darwin';

const noticeOf = (context: CloseContext): WindowCloseNotice | null =>
  windowCloseNotice(context.batches, context.nowMs, context.formatTime, trayNameOn(context.platform));

const trayViewOf = (productName: string, notice: WindowCloseNotice): TrayView => ({
  tooltip: [productName, ...notice.status].join(' — '),
  status: notice.status,
});

/**
 * Closing the window while this process sends or waits to start a batch hides it, so the batch is not
 * left for the next launch (docs/architecture.md §5.15); a user who chose Quit is never kept.
 */
export const decideClose = (
  productName: string,
  context: CloseContext,
  { quitting, alreadyTold }: { readonly quitting: boolean; readonly alreadyTold: boolean },
): CloseDecision => {
  const notice = quitting ? null : noticeOf(context);
  if (notice === null) return { action: 'close' };
  return { action: 'hide', tray: trayViewOf(productName, notice), tell: alreadyTold ? null : notice.message };
};

/** With the window hidden, after batches changed: the tray as it now is, or null once nothing is left to do. */
export const trayWhileHidden = (productName: string, context: CloseContext): TrayView | null => {
  const notice = noticeOf(context);
  return notice === null ? null : trayViewOf(productName, notice);
};

export interface TrayActions {
  readonly openWindow: () => void;
  readonly quit: () => void;
}

/** The tray's menu: open the window, what is under way (not clickable), quit. */
export const trayMenuTemplate = (
  productName: string,
  view: TrayView,
  actions: TrayActions,
): MenuItemConstructorOptions[] => [
  { label: `Open ${productName}`, click: actions.openWindow },
  { type: 'separator' },
  ...view.status.map((line): MenuItemConstructorOptions => ({ label: line, enabled: false })),
  { type: 'separator' },
  { label: `Quit ${productName}`, click: actions.quit },
];
