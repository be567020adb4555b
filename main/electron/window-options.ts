import type { BrowserWindowConstructorOptions } from 'electron';

/** The first window's size, before the user has moved or resized it. */
export const defaultWindowSize = { width: 1280, height: 820 } as const;

/** The main window's options as a pure value, so a test fails if any security setting regresses. */
export const mainWindowOptions = (preloadPath: string): BrowserWindowConstructorOptions => ({
  ...defaultWindowSize,
  minWidth: 960,
  minHeight: 600,
  title: 'GiftBatch',
  show: false,
  autoHideMenuBar: false,
  webPreferences: {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: true,
  },
});
