import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../common/contract/desktop.ts';
import { applicationMenuTemplate, type MenuActions } from './application-menu.ts';

const recordingActions = () => {
  const calls: string[] = [];
  const actions: MenuActions = {
    toWindow: (command: MenuCommand) => calls.push(`window:${command}`),
    importFile: () => calls.push('importFile'),
    openDocumentation: () => calls.push('openDocumentation'),
    showShortcuts: () => calls.push('showShortcuts'),
    openDataFolder: () => calls.push('openDataFolder'),
    showAbout: () => calls.push('showAbout'),
  };
  return { calls, actions };
};

const submenuOf = (menu: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] => {
  const item = menu.find((candidate) => candidate.label?.replace('&', '') === label);
  if (!Array.isArray(item?.submenu)) throw new Error(`No ${label} menu`);
  return item.submenu;
};
const item = (items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions => {
  const found = items.find((candidate) => candidate.label === label);
  if (found === undefined) throw new Error(`No item ${label}`);
  return found;
};
const roles = (items: MenuItemConstructorOptions[]) => items.flatMap((entry) => entry.role ?? []);
const click = (entry: MenuItemConstructorOptions) => {
  (entry.click as () => void)();
};
const context = (platform: NodeJS.Platform) => ({ platform, productName: 'GiftBatch', isPackaged: true });

describe('the application menu', () => {
  it('has File, Edit, View, Window and Help on Windows and Linux, with Quit in File and About in Help', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const menu = applicationMenuTemplate(context(platform), recordingActions().actions);
      expect(menu.map((entry) => entry.label)).toEqual(['&File', '&Edit', '&View', '&Window', '&Help']);
      expect(roles(submenuOf(menu, 'File'))).toEqual(['quit']);
      expect(item(submenuOf(menu, 'Help'), 'About GiftBatch')).toBeDefined();
    }
  });

  it('puts About, Services, Hide and Quit in the app menu on macOS, and Close in File', () => {
    const menu = applicationMenuTemplate(context('darwin'), recordingActions().actions);
    expect(menu.map((entry) => entry.label)).toEqual([
      'GiftBatch',
      '&File',
      '&Edit',
      '&View',
      '&Window',
      '&Help',
    ]);
    const appMenu = submenuOf(menu, 'GiftBatch');
    expect(appMenu[0]?.label).toBe('About GiftBatch');
    expect(roles(appMenu)).toEqual(['services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(roles(submenuOf(menu, 'File'))).toEqual(['close']);
    expect(submenuOf(menu, 'Help').some((entry) => entry.label === 'About GiftBatch')).toBe(false);
  });

  it('gives File its items with accelerators, each doing what it says', () => {
    const { calls, actions } = recordingActions();
    const file = submenuOf(applicationMenuTemplate(context('linux'), actions), 'File');
    expect(
      file.filter((entry) => entry.label !== undefined).map((entry) => [entry.label, entry.accelerator]),
    ).toEqual([
      ['New Draft', 'CmdOrCtrl+N'],
      ['Import…', 'CmdOrCtrl+O'],
      ['Export Audit Report…', 'CmdOrCtrl+E'],
      ['Back Up Ledger…', undefined],
    ]);
    for (const label of ['New Draft', 'Import…', 'Export Audit Report…', 'Back Up Ledger…'])
      click(item(file, label));
    expect(calls).toEqual([
      'window:new-draft',
      'importFile',
      'window:export-audit-report',
      'window:back-up-ledger',
    ]);
  });

  it('uses the standard roles for Edit, so copy and paste work in every field and the grid', () => {
    const edit = submenuOf(applicationMenuTemplate(context('win32'), recordingActions().actions), 'Edit');
    expect(roles(edit)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll']);
  });

  it('offers reload and developer tools only in an unpackaged build', () => {
    const packaged = submenuOf(applicationMenuTemplate(context('linux'), recordingActions().actions), 'View');
    expect(roles(packaged)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    const developing = submenuOf(
      applicationMenuTemplate({ ...context('linux'), isPackaged: false }, recordingActions().actions),
      'View',
    );
    expect(roles(developing)).toContain('toggleDevTools');
  });

  it('has Window and Help roles and Help items for the documentation, shortcuts and data folder', () => {
    const { calls, actions } = recordingActions();
    const menu = applicationMenuTemplate(context('win32'), actions);
    expect(menu.find((entry) => entry.label === '&Window')?.role).toBe('windowMenu');
    const help = submenuOf(menu, 'Help');
    for (const label of [
      'GiftBatch Documentation',
      'Keyboard Shortcuts',
      'Open Data Folder',
      'About GiftBatch',
    ])
      click(item(help, label));
    expect(calls).toEqual(['openDocumentation', 'showShortcuts', 'openDataFolder', 'showAbout']);
  });
});
