import ElectronStore from 'electron-store';
import type { OpenSettingsFile } from '../settings/settings-file.ts';

/**
 * The app opens the settings file through electron-store, on the options the CLI gives conf: electron-store
 * names the file `name` where conf says `configName`, and its `cwd` is the data folder main passes in.
 */
export const openWithElectronStore: OpenSettingsFile = ({ configName, ...options }) =>
  new ElectronStore({ ...options, name: configName });
