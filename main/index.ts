import { app, BrowserWindow, ipcMain, nativeTheme, shell, type IpcMainInvokeEvent } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { registerAppScheme, serveRenderer } from './electron/app-protocol.ts';
import { quitsWhenLastWindowCloses } from './electron/close-behaviour.ts';
import { createMainWindow } from './electron/create-main-window.ts';
import { installApplicationMenu } from './electron/desktop-actions.ts';
import { openWithElectronStore } from './electron/electron-store-file.ts';
import { forwardEvents } from './electron/forward-events.ts';
import {
  createOpenFileQueue,
  filesToOpen,
  isImportablePath,
  readOpenedFile,
} from './electron/opened-files.ts';
import { showBatchProgress } from './electron/show-batch-progress.ts';
import { hardenWebContents } from './electron/harden-web-contents.ts';
import { keepRunningInTray, type TrayShell } from './electron/keep-running-in-tray.ts';
import { rendererSource } from './electron/renderer-source.ts';
import { safeStorageCipher } from './electron/safe-storage-cipher.ts';
import { createCallDispatcher } from './ipc/dispatch-call.ts';
import { registerIpc } from './ipc/register-ipc.ts';
import { createSenderPolicy } from './ipc/sender-policy.ts';
import { createStderrLogger } from './logging/logger.ts';
import { createMainServices, type MainServices } from './services.ts';
import writerThreadPath from './batches/ledger-writer-thread.ts?modulePath';

const productName = 'GiftBatch';

// electron-vite serves the renderer from a dev server while developing; the built app uses app://.
const { url: rendererUrl, trustedOrigins } = rendererSource({
  isDevelopmentBuild: import.meta.env.DEV,
  isPackaged: app.isPackaged,
  devServerUrl: process.env.ELECTRON_RENDERER_URL,
});
const logger = createStderrLogger();

if (!app.requestSingleInstanceLock()) {
  // The first instance gets this launch's command line through 'second-instance' and opens its files.
  app.quit();
} else {
  registerAppScheme();
  app.enableSandbox();
  let mainWindow: BrowserWindow | undefined;
  let services: MainServices | undefined;
  let trayShell: TrayShell | undefined;

  const notice = (level: 'info' | 'error', message: string): void => {
    services?.events.emit('app:notice-posted', { id: `desktop-${String(Date.now())}`, level, message });
  };
  const openFiles = createOpenFileQueue((filePath) => {
    void readOpenedFile(filePath).then((file) => {
      if (file.ok) services?.events.emit('app:file-opened', file);
      else notice('error', file.message);
    });
  });
  for (const file of filesToOpen(process.argv, process.cwd())) openFiles.add(file);

  app.on('second-instance', (_event, argv, workingDirectory) => {
    const files = filesToOpen(argv, workingDirectory);
    for (const file of files) openFiles.add(file);
    if (trayShell === undefined) return;
    trayShell.openWindow();
    if (files.length === 0)
      notice('info', 'GiftBatch is already open, so this window was brought to the front.');
  });
  // macOS: a file opened with GiftBatch in Finder or dropped on its dock icon; may come before ready.
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    if (isImportablePath(filePath)) openFiles.add(filePath);
  });
  app.on('window-all-closed', () => {
    if (quitsWhenLastWindowCloses(process.platform)) app.quit();
  });
  // macOS: the dock icon clicked, with the window closed or hidden in the menu bar.
  app.on('activate', () => {
    trayShell?.openWindow();
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
    const dataDir = app.getPath('userData');
    // safeStorage can be asked only once the app is ready.
    const started = await createMainServices({
      productName,
      version: app.getVersion(),
      dataDir,
      logger,
      cipher: safeStorageCipher,
      writerThread: pathToFileURL(writerThreadPath),
      openSettingsFile: openWithElectronStore,
      revealFolder: (folder) => shell.openPath(folder),
      onPreferencesChanged: ({ theme }) => {
        nativeTheme.themeSource = theme;
      },
    });
    services = started;
    nativeTheme.themeSource = started.settings.get().preferences.theme;
    hardenWebContents(() => rendererUrl);
    serveRenderer(path.join(import.meta.dirname, '../renderer'));
    const dispatch = createCallDispatcher({
      handlers: started.handlers,
      isTrustedSender: createSenderPolicy(trustedOrigins),
      logger,
    });
    registerIpc(ipcMain, dispatch, (event: IpcMainInvokeEvent) => ({ url: event.senderFrame?.url }));
    installApplicationMenu({
      productName,
      dataDir,
      events: started.events,
      window: () => mainWindow,
      openFile: openFiles.add,
    });
    const openMainWindow = async (): Promise<void> => {
      const window = await createMainWindow(
        path.join(import.meta.dirname, '../preload/index.cjs'),
        rendererUrl,
        started.settings,
      );
      mainWindow = window;
      const stopForwarding = forwardEvents(started.events, window);
      const stopProgress = showBatchProgress(started.events, window);
      inTray.watch(window);
      window.on('closed', () => {
        stopForwarding();
        stopProgress();
        if (mainWindow === window) mainWindow = undefined;
      });
      openFiles.windowReady();
    };
    const inTray = keepRunningInTray({
      productName,
      events: started.events,
      listBatches: async () => {
        const listed = await started.handlers['batches:list'](undefined);
        return listed.ok ? listed.value : [];
      },
      showWindow: () => {
        if (mainWindow === undefined) {
          void openMainWindow();
          return;
        }
        if (mainWindow.isMinimized()) mainWindow.restore();
        mainWindow.show();
        mainWindow.focus();
      },
    });
    await openMainWindow();
    // Only now may a second launch or the dock ask for the window, so neither opens a second one.
    trayShell = inTray;
    logger.info('app.started', { version: app.getVersion() });
  });
}
