import { app, BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { registerAppScheme, serveRenderer } from './electron/app-protocol.ts';
import { createMainWindow } from './electron/create-main-window.ts';
import { forwardEvents } from './electron/forward-events.ts';
import { showBatchProgress } from './electron/show-batch-progress.ts';
import { hardenWebContents } from './electron/harden-web-contents.ts';
import { rendererSource } from './electron/renderer-source.ts';
import { safeStorageCipher } from './electron/safe-storage-cipher.ts';
import { createCallDispatcher } from './ipc/dispatch-call.ts';
import { registerIpc } from './ipc/register-ipc.ts';
import { createSenderPolicy } from './ipc/sender-policy.ts';
import { createStderrLogger } from './logging/logger.ts';
import { createMainServices, type MainServices } from './services.ts';
import writerThreadPath from './batches/ledger-writer-thread.ts?modulePath';

// electron-vite serves the renderer from a dev server while developing; the built app uses app://.
const { url: rendererUrl, trustedOrigins } = rendererSource({
  isDevelopmentBuild: import.meta.env.DEV,
  isPackaged: app.isPackaged,
  devServerUrl: process.env.ELECTRON_RENDERER_URL,
});

const logger = createStderrLogger();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  app.enableSandbox();

  let mainWindow: BrowserWindow | undefined;
  let services: MainServices | undefined;

  app.on('second-instance', () => {
    if (mainWindow === undefined || services === undefined) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
    services.events.emit('app:notice-posted', {
      id: `second-instance-${Date.now()}`,
      level: 'info',
      message: 'GiftBatch is already open, so this window was brought to the front.',
    });
  });

  app.on('window-all-closed', () => {
    app.quit();
  });

  // The embedded sandbox saves its state on the way out.
  app.on('will-quit', (event) => {
    if (services === undefined) return;
    event.preventDefault();
    const closing = services;
    services = undefined;
    void closing.close().finally(() => {
      app.quit();
    });
  });

  void app.whenReady().then(async () => {
    // safeStorage can be asked only once the app is ready.
    const started = await createMainServices({
      productName: 'GiftBatch',
      version: app.getVersion(),
      dataDir: app.getPath('userData'),
      logger,
      cipher: safeStorageCipher,
      writerThread: pathToFileURL(writerThreadPath),
    });
    services = started;
    hardenWebContents(() => rendererUrl);
    serveRenderer(path.join(import.meta.dirname, '../renderer'));
    const dispatch = createCallDispatcher({
      handlers: started.handlers,
      isTrustedSender: createSenderPolicy(trustedOrigins),
      logger,
    });
    registerIpc(ipcMain, dispatch, (event: IpcMainInvokeEvent) => ({ url: event.senderFrame?.url }));
    mainWindow = await createMainWindow(path.join(import.meta.dirname, '../preload/index.cjs'), rendererUrl);
    forwardEvents(started.events, mainWindow);
    showBatchProgress(started.events, mainWindow);
    logger.info('app.started', { version: app.getVersion() });
  });
}
