import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../common/contract/desktop.ts';

/** What the menu's own items do; the roles (Edit, Window, Quit…) are Electron's. */
export interface MenuActions {
  readonly toWindow: (command: MenuCommand) => void;
  readonly importFile: () => void;
  readonly openDocumentation: () => void;
  readonly showShortcuts: () => void;
  readonly openDataFolder: () => void;
  readonly showAbout: () => void;
}

export interface MenuContext {
  readonly platform: NodeJS.Platform;
  readonly productName: string;
  /** Reload and developer tools are offered only while developing. */
  readonly isPackaged: boolean;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

/**
 * The application menu as a pure value, so its items, roles and accelerators are tested without Electron.
 * macOS gets the app menu (About, Services, Hide, Quit) and keeps Quit out of File; Windows and Linux put
 * Quit in File and About in Help, as their users expect.
 */
export const applicationMenuTemplate = (
  { platform, productName, isPackaged }: MenuContext,
  actions: MenuActions,
): MenuItemConstructorOptions[] => {
  const isMac = platform === 'darwin';
  const about: MenuItemConstructorOptions = { label: `About ${productName}`, click: actions.showAbout };
  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: productName,
          submenu: [
            about,
            separator,
            { role: 'services' },
            separator,
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            separator,
            { role: 'quit' },
          ],
        },
      ]
    : [];
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'New Draft', accelerator: 'CmdOrCtrl+N', click: () => actions.toWindow('new-draft') },
      { label: 'Import…', accelerator: 'CmdOrCtrl+O', click: actions.importFile },
      separator,
      {
        label: 'Export Audit Report…',
        accelerator: 'CmdOrCtrl+E',
        click: () => actions.toWindow('export-audit-report'),
      },
      { label: 'Back Up Ledger…', click: () => actions.toWindow('back-up-ledger') },
      separator,
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'delete' },
      separator,
      { role: 'selectAll' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...(isPackaged ? [] : [{ role: 'reload' } as const, { role: 'toggleDevTools' } as const, separator]),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };
  const windowMenu: MenuItemConstructorOptions = {
    label: '&Window',
    role: 'windowMenu',
    submenu: isMac
      ? [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  };
  const help: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [
      { label: `${productName} Documentation`, click: actions.openDocumentation },
      { label: 'Keyboard Shortcuts', accelerator: 'CmdOrCtrl+/', click: actions.showShortcuts },
      { label: 'Open Data Folder', click: actions.openDataFolder },
      ...(isMac ? [] : [separator, about]),
    ],
  };
  return [...appMenu, file, edit, view, windowMenu, help];
};
