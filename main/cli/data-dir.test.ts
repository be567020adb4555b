import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveBrowserDataDir, resolveDataDir } from './data-dir.ts';

describe('resolveDataDir', () => {
  it('prefers --data-dir, then GIFTBATCH_DATA_DIR', () => {
    expect(resolveDataDir('/flag', { GIFTBATCH_DATA_DIR: '/env' }, 'linux', '/home/pat')).toBe('/flag');
    expect(resolveDataDir(undefined, { GIFTBATCH_DATA_DIR: '/env' }, 'linux', '/home/pat')).toBe('/env');
  });

  it("is the desktop app's userData folder otherwise, per OS as Electron computes it", () => {
    expect(resolveDataDir(undefined, {}, 'linux', '/home/pat')).toBe('/home/pat/.config/GiftBatch');
    expect(resolveDataDir(undefined, { XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/pat')).toBe(
      '/xdg/GiftBatch',
    );
    expect(resolveDataDir(undefined, {}, 'darwin', '/Users/pat')).toBe(
      '/Users/pat/Library/Application Support/GiftBatch',
    );
    expect(resolveDataDir(undefined, { APPDATA: '/roaming' }, 'win32', '/home/pat')).toBe(
      path.resolve('/roaming/GiftBatch'),
    );
  });

  it('ignores an empty variable', () => {
    expect(resolveDataDir(undefined, { GIFTBATCH_DATA_DIR: ' ' }, 'linux', '/home/pat')).toBe(
      '/home/pat/.config/GiftBatch',
    );
  });
});

describe('resolveBrowserDataDir', () => {
  it("is a folder of its own in the user's app data folder, never the shared temp folder", () => {
    expect(resolveBrowserDataDir({}, 'linux', '/home/pat')).toBe('/home/pat/.config/GiftBatch/browser');
    expect(resolveBrowserDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/pat')).toBe(
      '/xdg/GiftBatch/browser',
    );
    expect(resolveBrowserDataDir({ APPDATA: '/roaming' }, 'win32', '/home/pat')).toBe(
      path.resolve('/roaming/GiftBatch/browser'),
    );
  });

  it('is GIFTBATCH_DATA_DIR when set', () => {
    expect(resolveBrowserDataDir({ GIFTBATCH_DATA_DIR: '/env' }, 'linux', '/home/pat')).toBe('/env');
    expect(resolveBrowserDataDir({ GIFTBATCH_DATA_DIR: ' ' }, 'linux', '/home/pat')).toBe(
      '/home/pat/.config/GiftBatch/browser',
    );
  });
});
