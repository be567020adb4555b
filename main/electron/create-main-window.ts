import { BrowserWindow } from 'electron';
import { mainWindowOptions } from './window-options.ts';

export const createMainWindow = async (preloadPath: string, url: string): Promise<BrowserWindow> => {
  const window = new BrowserWindow(mainWindowOptions(preloadPath));
  window.once('ready-to-show', () => {
    window.show();
  });
  await window.loadURL(url);
  return window;
};
