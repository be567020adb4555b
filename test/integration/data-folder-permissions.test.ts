import { chmod, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ledgerFileName } from '../../main/ledger/open-ledger.ts';
import { securePrivateFolder } from '../../main/storage/private-folder.ts';
import { createInProcessApi } from '../support/in-process-api.ts';
import { createTempDir, type TempDir } from '../support/temp-dir.ts';
import { createTestServices } from '../support/test-services.ts';

const modeOf = async (file: string): Promise<string> => ((await stat(file)).mode & 0o777).toString(8);

/** Every file in the folder with its mode, e.g. { 'settings.json': '600' }. */
const modesIn = async (folder: string): Promise<Record<string, string>> => {
  const modes: Record<string, string> = {};
  for (const name of await readdir(folder)) modes[name] = await modeOf(path.join(folder, name));
  return modes;
};

/** Opens the services on `dataDir`, writes settings, the catalog cache, a draft and sandbox state, closes. */
const useTheApp = async (dataDir: string) => {
  const services = await createTestServices(dataDir);
  const api = createInProcessApi(services);
  expect((await api.updateSendingSettings({ concurrency: 2 })).ok).toBe(true);
  expect((await api.refreshCatalog()).ok).toBe(true);
  const draft = await api.createDraft({
    name: 'Private',
    settings: { deliveryType: 'DigitalDelivery', defaults: {}, defaultCountry: 'US' },
  });
  expect(draft.ok).toBe(true);
  const whileOpen = await modesIn(dataDir);
  await services.close();
  return whileOpen;
};

describe.skipIf(process.platform === 'win32')('the data folder is readable by its owner only', () => {
  let parent: TempDir;
  let dataDir: string;
  beforeEach(async () => {
    parent = await createTempDir();
    dataDir = path.join(parent.path, 'data');
  });
  afterEach(async () => {
    await parent.remove();
  });

  it("creates the folder 0700 and every file in it 0600, the ledger's -wal and -shm included", async () => {
    const whileOpen = await useTheApp(dataDir);
    expect(await modeOf(dataDir)).toBe('700');
    expect(whileOpen).toEqual({
      [ledgerFileName]: '600',
      [`${ledgerFileName}-wal`]: '600',
      [`${ledgerFileName}-shm`]: '600',
      'settings.json': '600',
      'catalog-sandbox.json': '600',
      'sandbox-state.json': '600',
    });
    const afterClose = await modesIn(dataDir);
    expect(Object.values(afterClose).every((mode) => mode === '600')).toBe(true);
    expect(afterClose['sandbox-state.json']).toBe('600');
  });

  it('makes a folder and files left readable by an earlier version owner-only when it opens them', async () => {
    await useTheApp(dataDir);
    await chmod(dataDir, 0o755);
    for (const name of await readdir(dataDir)) await chmod(path.join(dataDir, name), 0o644);
    await writeFile(path.join(dataDir, `${ledgerFileName}-wal`), '', { mode: 0o644 });
    await writeFile(path.join(dataDir, 'settings.json.unreadable-1700000000000'), '{', { mode: 0o644 });
    await writeFile(path.join(dataDir, 'notes-of-the-user.txt'), 'mine', { mode: 0o644 });
    expect(await modeOf(path.join(dataDir, ledgerFileName))).toBe('644');

    const services = await createTestServices(dataDir);
    try {
      expect(await modeOf(dataDir)).toBe('700');
      const modes = await modesIn(dataDir);
      expect(modes[ledgerFileName]).toBe('600');
      expect(modes[`${ledgerFileName}-wal`]).toBe('600');
      expect(modes['settings.json']).toBe('600');
      expect(modes['catalog-sandbox.json']).toBe('600');
      expect(modes['sandbox-state.json']).toBe('600');
      expect(modes['settings.json.unreadable-1700000000000']).toBe('600');
      expect(modes['notes-of-the-user.txt']).toBe('644');
    } finally {
      await services.close();
    }
  });

  it('on Windows creates the folder but changes no modes', async () => {
    securePrivateFolder(dataDir);
    await writeFile(path.join(dataDir, 'settings.json'), '{}', { mode: 0o644 });
    await chmod(dataDir, 0o755);
    securePrivateFolder(dataDir, 'win32');
    securePrivateFolder(path.join(dataDir, 'new'), 'win32');
    expect(await modeOf(dataDir)).toBe('755');
    expect(await modeOf(path.join(dataDir, 'settings.json'))).toBe('644');
    expect((await stat(path.join(dataDir, 'new'))).isDirectory()).toBe(true);
  });
});
