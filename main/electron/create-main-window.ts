import { BrowserWindow, screen } from 'electron';
import type { SettingsStore } from '../settings/settings-store.ts';
import { initialWindowBounds, windowStateOf } from './window-placement.ts';
import { defaultWindowSize, mainWindowOptions } from './window-options.ts';

/**
 * Opens the main window where the user left it (size, position, maximised) and saves that place when it
 * closes, in the settings file.
 */
export const createMainWindow = async (
  preloadPath: string,
  url: string,
  settings: SettingsStore,
): Promise<BrowserWindow> => {
  const saved = settings.get().window;
  const bounds = initialWindowBounds(
    saved,
    screen.getAllDisplays().map((display) => display.workArea),
    defaultWindowSize,
  );
  const window = new BrowserWindow({ ...mainWindowOptions(preloadPath), ...bounds });
  window.once('ready-to-show', () => {
    if (saved.maximized) window.maximize();
    window.show();
  });
  window.on('close', () => {
    const place = windowStateOf(window);
    settings.update((current) => ({ ...current, window: place }));
  });
  await window.loadURL(url);
  return window;
};
