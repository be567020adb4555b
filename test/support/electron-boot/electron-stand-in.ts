import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/**
 * A recording stand-in for the `electron` module, for the boot test (test/integration/electron-boot.test.ts):
 * only the API surface main/index.ts and main/electron/ use, each call logged in order with the arguments
 * that can be compared. Nothing here decides anything the app decides; it only records and answers as
 * Electron would.
 */
export interface RecordedCall {
  readonly call: string;
  readonly args: unknown[];
}

export const calls: RecordedCall[] = [];
const record = (call: string, ...args: unknown[]): void => {
  calls.push({
    call,
    args: JSON.parse(
      JSON.stringify(args, (_key, value: unknown) => (typeof value === 'function' ? '[function]' : value)),
    ) as unknown[],
  });
};

export const stand = {
  userData: '',
  readyFired: false,
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  ipcChannels: [] as string[],
  windows: [] as BrowserWindow[],
  trays: [] as Tray[],
};

class AppStandIn extends EventEmitter {
  readonly isPackaged = false;
  #ready: () => void = () => undefined;
  readonly #whenReady = new Promise<void>((resolve) => {
    this.#ready = resolve;
  });
  requestSingleInstanceLock(): boolean {
    record('app.requestSingleInstanceLock');
    return true;
  }
  enableSandbox(): void {
    record('app.enableSandbox');
  }
  whenReady(): Promise<void> {
    return this.#whenReady;
  }
  /** What Electron does when it has initialised: the test calls it once the entry has loaded. */
  emitReady(): void {
    record('app.ready');
    stand.readyFired = true;
    this.emit('ready');
    this.#ready();
  }
  getPath(name: string): string {
    record('app.getPath', name);
    return stand.userData;
  }
  getVersion(): string {
    return '0.0.0-boot';
  }
  getAppPath(): string {
    return process.cwd();
  }
  /** As Electron: before-quit, then each open window is asked to close (any may refuse), then will-quit. */
  quit(): void {
    record('app.quit');
    this.emit('before-quit', preventable());
    for (const window of stand.windows.filter((open) => !open.isDestroyed())) {
      if (!window.closeAsked()) return;
    }
    const event = preventable();
    this.emit('will-quit', event);
    if (!event.defaultPrevented) this.emit('quit-done');
  }
}
export const app = new AppStandIn();

interface Preventable {
  defaultPrevented: boolean;
  preventDefault(): void;
}
const preventable = (): Preventable => {
  const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
  return event;
};

export const protocol = {
  registerSchemesAsPrivileged: (schemes: unknown[]) => {
    record('protocol.registerSchemesAsPrivileged', schemes, { beforeReady: !stand.readyFired });
  },
  handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
    record('protocol.handle', scheme);
    stand.protocolHandlers.set(scheme, handler);
  },
};

/** Electron's net.fetch reads file:// URLs; Node's fetch does not, so that one case is read here. */
export const net = {
  fetch: async (url: string): Promise<Response> => {
    try {
      return new Response(await readFile(fileURLToPath(url)), { status: 200 });
    } catch {
      return new Response('', { status: 404 });
    }
  },
};

export const ipcMain = {
  handle: (channel: string) => {
    stand.ipcChannels.push(channel);
  },
  on: (channel: string) => {
    record('ipcMain.on', channel);
  },
};

const webContents = { send: () => undefined, on: () => undefined, setWindowOpenHandler: () => undefined };

export class BrowserWindow extends EventEmitter {
  readonly webContents = webContents;
  readonly options: unknown;
  #destroyed = false;
  constructor(options: unknown) {
    super();
    record('new BrowserWindow', options);
    this.options = options;
    stand.windows.push(this);
  }
  loadURL(url: string): Promise<void> {
    record('window.loadURL', url);
    this.emit('ready-to-show');
    return Promise.resolve();
  }
  show(): void {
    record('window.show');
  }
  maximize(): void {
    record('window.maximize');
  }
  hide(): void {
    record('window.hide');
  }
  /** The user (or the app) closing the window: 'close' may be refused; true when it closed. */
  closeAsked(): boolean {
    const event = preventable();
    this.emit('close', event);
    record('window.close', { prevented: event.defaultPrevented });
    if (event.defaultPrevented) return false;
    this.#destroyed = true;
    this.emit('closed');
    if (stand.windows.every((window) => window.isDestroyed())) app.emit('window-all-closed');
    return true;
  }
  close(): void {
    this.closeAsked();
  }
  isMinimized = () => false;
  isMaximized = () => false;
  isFullScreen = () => false;
  isDestroyed = () => this.#destroyed;
  getNormalBounds = () => ({ x: 10, y: 20, width: 1100, height: 700 });
  restore = () => undefined;
  focus = () => undefined;
  setProgressBar = () => undefined;
}

export const nativeTheme = {
  set themeSource(theme: string) {
    record('nativeTheme.themeSource', theme);
  },
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: () => {
      record('session.setPermissionRequestHandler');
    },
    setPermissionCheckHandler: () => {
      record('session.setPermissionCheckHandler');
    },
  },
};

export const screen = {
  getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
};

export const Menu = {
  buildFromTemplate: <T>(template: T[]) => template,
  setApplicationMenu: (menu: { label?: string }[]) => {
    record(
      'Menu.setApplicationMenu',
      menu.map((item) => item.label),
    );
  },
};

/** No keychain: the vault keeps credentials for the session, as on a Linux desktop without one. */
export const safeStorage = {
  isAsyncEncryptionAvailable: () => Promise.resolve(false),
  getSelectedStorageBackend: () => 'basic_text',
};

export const shell = { openPath: () => Promise.resolve(''), openExternal: () => Promise.resolve() };
export const dialog = {
  showMessageBox: (options: unknown) => {
    record('dialog.showMessageBox', options);
    return Promise.resolve({ response: 0 });
  },
};

export class Notification {
  static isSupported = () => true;
  readonly options: unknown;
  constructor(options: unknown) {
    this.options = options;
  }
  show(): void {
    record('notification.show', this.options);
  }
}

/** Records the file an image is read from; macOS's template calls are answered and recorded too. */
export const nativeImage = {
  createFromPath: (imagePath: string) => {
    record('nativeImage.createFromPath', imagePath);
    return {
      imagePath,
      addRepresentation: (representation: unknown) => {
        record('image.addRepresentation', representation);
      },
      setTemplateImage: (template: boolean) => {
        record('image.setTemplateImage', template);
      },
    };
  },
};

interface MenuItemStandIn {
  readonly label?: string;
  readonly type?: string;
  readonly enabled?: boolean;
  readonly click?: () => void;
}

export class Tray {
  menu: MenuItemStandIn[] = [];
  destroyed = false;
  constructor(image: { imagePath: string }) {
    record('new Tray', image.imagePath);
    stand.trays.push(this);
  }
  setToolTip(tooltip: string): void {
    record('tray.setToolTip', tooltip);
  }
  setContextMenu(menu: MenuItemStandIn[]): void {
    this.menu = menu;
    record(
      'tray.setContextMenu',
      menu.map((item) => ({ label: item.label ?? item.type, enabled: item.enabled ?? true })),
    );
  }
  destroy(): void {
    this.destroyed = true;
    record('tray.destroy');
  }
}

export default {
  app,
  protocol,
  net,
  ipcMain,
  BrowserWindow,
  nativeTheme,
  session,
  screen,
  Menu,
  safeStorage,
  shell,
  dialog,
  Notification,
  nativeImage,
  Tray,
};
