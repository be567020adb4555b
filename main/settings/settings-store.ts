import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../logging/logger.ts';
import { syncFolder } from '../storage/json-file.ts';
import { privateFileMode } from '../storage/private-folder.ts';
import type { SettingsFile } from './settings-migrations.ts';
import {
  openWithConf,
  settingsFileName,
  settingsFileOptions,
  type OpenSettingsFile,
} from './settings-file.ts';
import { defaultSettings, settingsSchema, type Settings } from './settings-schema.ts';

export { defaultSettings, type Settings } from './settings-schema.ts';

const asidePath = (filePath: string): string => `${filePath}.unreadable-${String(Date.now())}`;

const setAside = (filePath: string, logger: Logger, reason: string, error?: unknown): void => {
  logger.warn('storage.unreadable_file', { file: path.basename(filePath), reason, error });
  if (existsSync(filePath)) renameSync(filePath, asidePath(filePath));
};

/** A migration may already have rewritten the file: what is kept aside is what the user had. */
const setAsideOriginal = (filePath: string, original: Buffer | undefined, logger: Logger): void => {
  logger.warn('storage.unreadable_file', { file: path.basename(filePath), reason: 'schema' });
  if (original !== undefined) writeFileSync(asidePath(filePath), original, { mode: privateFileMode });
  rmSync(filePath, { force: true });
};

/** conf throws for a file that is not JSON or whose migration fails: that file is kept aside, not lost. */
const openReadable = (dataDir: string, openFile: OpenSettingsFile, logger: Logger): SettingsFile => {
  const options = settingsFileOptions(dataDir);
  try {
    return openFile(options);
  } catch (error) {
    setAside(path.join(dataDir, settingsFileName), logger, 'json', error);
    return openFile(options);
  }
};

/**
 * The user's settings: settings.json in the data folder, through conf (electron-store in the app), so the
 * app, the CLI and the tests share one file, one format version and one set of migrations. A missing key
 * reads as its default; a file that is not JSON, fails a migration or breaks the schema is logged and
 * renamed `.unreadable-<time>` rather than overwritten. Writes go through a flushed temporary file and a
 * rename (conf's atomic write), then the folder is flushed; the file is created 0600.
 */
export const createSettingsStore = (
  dataDir: string,
  logger: Logger,
  openFile: OpenSettingsFile = openWithConf,
) => {
  const filePath = path.join(dataDir, settingsFileName);
  const original = existsSync(filePath) ? readFileSync(filePath) : undefined;
  let file = openReadable(dataDir, openFile, logger);
  const write = (next: Settings): void => {
    file.store = next;
    syncFolder(dataDir);
  };
  const parsed = settingsSchema.safeParse({ ...defaultSettings, ...file.store });
  let settings: Settings;
  if (parsed.success) {
    settings = parsed.data;
  } else {
    setAsideOriginal(file.path, original, logger);
    file = openFile(settingsFileOptions(dataDir));
    settings = defaultSettings;
  }
  return {
    get: (): Settings => settings,
    update: (change: (current: Settings) => Settings): Settings => {
      const next = settingsSchema.parse(change(settings));
      write(next);
      settings = next;
      return settings;
    },
  };
};

export type SettingsStore = ReturnType<typeof createSettingsStore>;
