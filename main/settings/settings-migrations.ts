import type Conf from 'conf';
import { defaultSendingSettings } from '../../common/contract/sending-settings.ts';
import { defaultFirstRunGuide, defaultPreferences, defaultWindowState } from './settings-schema.ts';

/**
 * The settings file's own format version, kept by conf in the file (`__internal__.migrations.version`).
 * It is not the app's version: the CLI and the app read one file, and only a change of format needs a
 * step here. Steps run once, in order, and only ever add or move values: nothing the user set is dropped.
 */
export const settingsFormatVersion = '2.1.0';

export type SettingsFile = Conf;

const setIfAbsent = (file: SettingsFile, key: string, value: unknown): void => {
  if (!file.has(key)) file.set(key, value);
};

export const settingsMigrations: Record<string, (file: SettingsFile) => void> = {
  /**
   * From the hand-written settings.json of 0.1 (no format version): `sending` was added late, so an
   * early file may lack it; preferences and the window's place are new. Every other key stays as it is.
   */
  '2.0.0': (file) => {
    setIfAbsent(file, 'sending', defaultSendingSettings);
    setIfAbsent(file, 'preferences', defaultPreferences);
    setIfAbsent(file, 'window', defaultWindowState);
  },
  /**
   * Whether the first-run guide was seen moved from the window's localStorage into this file; the window
   * carries a flag it still finds there over once (renderer/src/state/guide-store.ts).
   */
  '2.1.0': (file) => {
    setIfAbsent(file, 'firstRunGuide', defaultFirstRunGuide);
  },
};
