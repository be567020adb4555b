import Conf, { type Options } from 'conf';
import { privateFileMode } from '../storage/private-folder.ts';
import { settingsFormatVersion, settingsMigrations, type SettingsFile } from './settings-migrations.ts';

export type SettingsFileOptions = Options<Record<string, unknown>> & {
  readonly cwd: string;
  readonly configName: string;
};

/** Opens the settings file: conf under plain Node (CLI, tests), electron-store in the app. */
export type OpenSettingsFile = (options: SettingsFileOptions) => SettingsFile;

export const settingsFileName = 'settings.json';

/**
 * The one description of the settings file, which the app (through electron-store) and the CLI and tests
 * (through conf) both open: same folder, name, mode, format version and migrations. The schema is ours
 * (zod, in settings-store.ts), so conf is told to throw rather than clear a file it cannot read.
 */
export const settingsFileOptions = (dataDir: string): SettingsFileOptions => ({
  cwd: dataDir,
  configName: 'settings',
  projectVersion: settingsFormatVersion,
  migrations: settingsMigrations,
  clearInvalidConfig: false,
  configFileMode: privateFileMode,
  accessPropertiesByDotNotation: false,
  serialize: (value) => `${JSON.stringify(value, null, 2)}\n`,
});

export const openWithConf: OpenSettingsFile = (options) => new Conf(options);
