import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTempDir, type TempDir } from '../../test/support/temp-dir.ts';
import { createLogger } from '../logging/logger.ts';
import { createSettingsStore } from '../settings/settings-store.ts';
import { openWithElectronStore } from './electron-store-file.ts';

// Electron's binary cannot load under plain Node. Outside the main process electron-store reads nothing
// from it but the absolute cwd it is given, which is what the app passes.
vi.mock('electron', () => ({ default: {} }));

const logger = createLogger(() => undefined);
let dir: TempDir;
beforeEach(async () => {
  dir = await createTempDir();
});
afterEach(async () => {
  await dir.remove();
});

describe('the settings store through electron-store', () => {
  it('writes the same file conf reads, and reads what conf wrote', async () => {
    createSettingsStore(dir.path, logger).update((current) => ({ ...current, environment: 'staging' }));

    const app = createSettingsStore(dir.path, logger, openWithElectronStore);
    expect(app.get().environment).toBe('staging');
    app.update((current) => ({ ...current, preferences: { ...current.preferences, theme: 'light' } }));

    expect(createSettingsStore(dir.path, logger).get().preferences.theme).toBe('light');
    expect(JSON.parse(await readFile(path.join(dir.path, 'settings.json'), 'utf8'))).toMatchObject({
      environment: 'staging',
      preferences: { theme: 'light' },
    });
  });
});
