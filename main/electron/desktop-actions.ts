import {
  app,
  dialog,
  Menu,
  shell,
  type BrowserWindow,
  type MessageBoxOptions,
  type OpenDialogOptions,
} from 'electron';
import path from 'node:path';
import type { MenuCommand } from '../../common/contract/desktop.ts';
import { keyboardShortcutsText } from '../../common/keyboard-shortcuts.ts';
import type { EventHub } from '../events/event-hub.ts';
import { aboutText } from './about-text.ts';
import { applicationMenuTemplate } from './application-menu.ts';

export interface DesktopContext {
  readonly productName: string;
  readonly dataDir: string;
  readonly events: EventHub;
  /** The main window once it exists; dialogs are attached to it. */
  readonly window: () => BrowserWindow | undefined;
  /** Reads a chosen or handed-over file and passes it to the window. */
  readonly openFile: (filePath: string) => void;
}

/** The README travels with the app (electron-builder's extraResources); unpackaged, it is the repository's. */
const documentationPath = (): string =>
  app.isPackaged ? path.join(process.resourcesPath, 'README.md') : path.join(app.getAppPath(), 'README.md');

const showMessage = (context: DesktopContext, options: MessageBoxOptions): void => {
  const window = context.window();
  void (window === undefined ? dialog.showMessageBox(options) : dialog.showMessageBox(window, options));
};

/** Installs the application menu, wired to the window (menu commands), dialogs and the system shell. */
export const installApplicationMenu = (context: DesktopContext): void => {
  const template = applicationMenuTemplate(
    { platform: process.platform, productName: context.productName, isPackaged: app.isPackaged },
    {
      toWindow: (command: MenuCommand) => {
        context.events.emit('app:menu-invoked', { command });
      },
      importFile: () => {
        const window = context.window();
        const options: OpenDialogOptions = {
          title: 'Import recipients',
          properties: ['openFile'],
          filters: [{ name: 'Spreadsheets', extensions: ['csv', 'tsv', 'txt', 'xlsx'] }],
        };
        void (
          window === undefined ? dialog.showOpenDialog(options) : dialog.showOpenDialog(window, options)
        ).then(({ canceled, filePaths }) => {
          const [chosen] = filePaths;
          if (!canceled && chosen !== undefined) context.openFile(chosen);
        });
      },
      openDocumentation: () => {
        void shell.openPath(documentationPath());
      },
      showShortcuts: () => {
        showMessage(context, {
          type: 'info',
          title: 'Keyboard shortcuts',
          message: 'Keyboard shortcuts',
          detail: keyboardShortcutsText(process.platform === 'darwin'),
        });
      },
      openDataFolder: () => {
        void shell.openPath(context.dataDir);
      },
      showAbout: () => {
        showMessage(context, {
          type: 'info',
          title: `About ${context.productName}`,
          ...aboutText({
            productName: context.productName,
            version: app.getVersion(),
            versions: process.versions,
            dataDir: context.dataDir,
          }),
        });
      },
    },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
};
