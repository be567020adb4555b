import type { BrowserWindowConstructorOptions } from 'electron';

/** The main window's options as a pure value, so a test fails if any security setting regresses. */
export const mainWindowOptions = (preloadPath: string): BrowserWindowConstructorOptions => ({
  width: 1280,
  height: 820,
  minWidth: 960,
  minHeight: 600,
  title: 'GiftBatch',
  show: false,
  autoHideMenuBar: true,
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
