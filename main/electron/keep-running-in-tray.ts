import {
  app,
  dialog,
  Menu,
  nativeImage,
  Notification,
  Tray,
  type BrowserWindow,
  type NativeImage,
} from 'electron';
import { readFileSync } from 'node:fs';
import { formatStartTime } from '../../common/batches/schedule.ts';
import type { BatchSummary } from '../../common/contract/batches.ts';
import type { EventHub } from '../events/event-hub.ts';
import {
  decideClose,
  trayMenuTemplate,
  trayWhileHidden,
  type CloseContext,
  type TrayView,
} from './close-behaviour.ts';
import trayImagePath from '../../build/tray/tray.png?asset';
import trayTemplatePath from '../../build/tray/trayTemplate.png?asset';
import trayTemplateRetinaPath from '../../build/tray/trayTemplate@2x.png?asset';

export interface TrayShellOptions {
  readonly productName: string;
  readonly events: EventHub;
  readonly listBatches: () => Promise<readonly BatchSummary[]>;
  /** Brings the main window back, opening a new one where macOS had closed it. */
  readonly showWindow: () => void;
}

export interface TrayShell {
  /** Decides, each time the window is asked to close, whether it closes or hides to the tray. */
  readonly watch: (window: BrowserWindow) => void;
  /** Shows the window and lets the tray go (the tray's Open, a second launch, the macOS dock). */
  readonly openWindow: () => void;
}

/** The macOS menu bar takes a template image (tinted by the system) drawn at 1x and 2x. */
const trayImage = (): NativeImage => {
  if (process.platform !== 'darwin') return nativeImage.createFromPath(trayImagePath);
  const image = nativeImage.createFromPath(trayTemplatePath);
  image.addRepresentation({ scaleFactor: 2, buffer: readFileSync(trayTemplateRetinaPath) });
  image.setTemplateImage(true);
  return image;
};

/**
 * The Electron side of close-behaviour.ts: hides the window to a tray (menu bar) icon while batches are
 * under way, tells the user once per run, follows the batches while hidden, and closes the window for real
 * once nothing is left, when the app quits as usual (docs/architecture.md §5.15).
 */
export const keepRunningInTray = (options: TrayShellOptions): TrayShell => {
  const { productName } = options;
  let quitting = false;
  let told = false;
  let tray: Tray | undefined;
  let stopFollowing: (() => void) | undefined;
  let closeAllowed = false;
  app.on('before-quit', () => {
    quitting = true;
  });

  const contextNow = async (): Promise<CloseContext> => ({
    batches: await options.listBatches(),
    nowMs: Date.now(),
    platform: process.platform,
    formatTime: (iso) => formatStartTime(iso, Date.now()),
  });
  const removeTray = (): void => {
    stopFollowing?.();
    stopFollowing = undefined;
    tray?.destroy();
    tray = undefined;
  };
  const openWindow = (): void => {
    removeTray();
    options.showWindow();
  };
  const showTray = (view: TrayView): void => {
    tray ??= new Tray(trayImage());
    tray.setToolTip(view.tooltip);
    tray.setContextMenu(
      Menu.buildFromTemplate(
        trayMenuTemplate(productName, view, {
          openWindow,
          quit: () => {
            app.quit();
          },
        }),
      ),
    );
  };
  const closeForReal = (window: BrowserWindow): void => {
    closeAllowed = true;
    window.close();
  };
  // A notification does not stand in the way of the close the user asked for and stays in the system's
  // list; where the system has none, a message box, so nobody is left unaware the app still runs.
  const tell = (message: string): void => {
    told = true;
    if (Notification.isSupported()) new Notification({ title: productName, body: message }).show();
    else void dialog.showMessageBox({ type: 'info', title: productName, message });
  };
  const follow = (window: BrowserWindow): void => {
    const lastStatus = new Map<string, BatchSummary['status']>();
    stopFollowing ??= options.events.on('batches:progressed', ({ summary }) => {
      if (lastStatus.get(summary.id) === summary.status) return;
      lastStatus.set(summary.id, summary.status);
      void contextNow().then((context) => {
        if (tray === undefined || window.isDestroyed()) return;
        const view = trayWhileHidden(productName, context);
        if (view !== null) {
          showTray(view);
          return;
        }
        removeTray();
        closeForReal(window);
      });
    });
  };

  return {
    openWindow,
    watch: (window) => {
      closeAllowed = false;
      window.on('close', (event) => {
        if (quitting || closeAllowed) return;
        // Whether anything is under way is read from the ledger, which takes a moment: decide, then act.
        event.preventDefault();
        void contextNow().then((context) => {
          if (window.isDestroyed()) return;
          const decision = decideClose(productName, context, { quitting, alreadyTold: told });
          if (decision.action === 'close') {
            closeForReal(window);
            return;
          }
          window.hide();
          showTray(decision.tray);
          follow(window);
          if (decision.tell !== null) tell(decision.tell);
        });
      });
    },
  };
};
