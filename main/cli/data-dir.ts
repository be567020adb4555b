import { homedir } from 'node:os';
import path from 'node:path';

/** The desktop app's name as Electron knows it (package.json productName): its data folder's name. */
const productName = 'GiftBatch';

type Env = Readonly<Record<string, string | undefined>>;

const nonEmpty = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === '' ? undefined : value;

/** Electron's app.getPath('appData') per OS, worked out the way Electron does, without loading it. */
const appDataDir = (platform: NodeJS.Platform, env: Env, home: string): string => {
  if (platform === 'win32') return nonEmpty(env.APPDATA) ?? path.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support');
  // Linux and the other Unixes follow the XDG base directory spec.
  return nonEmpty(env.XDG_CONFIG_HOME) ?? path.join(home, '.config');
};

/**
 * Where the ledger, settings and catalog cache live: --data-dir, else GIFTBATCH_DATA_DIR, else the
 * desktop app's own folder (app.getPath('userData')), so the CLI and the app share one ledger.
 */
export const resolveDataDir = (
  flag: string | undefined,
  env: Env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string =>
  path.resolve(
    nonEmpty(flag) ??
      nonEmpty(env.GIFTBATCH_DATA_DIR) ??
      path.join(appDataDir(platform, env, home), productName),
  );

/**
 * `npm run start:browser`'s data folder: GIFTBATCH_DATA_DIR, else a folder of its own inside the
 * desktop app's, so it is per user (never the shared temp folder) and never mixes with the app's ledger.
 */
export const resolveBrowserDataDir = (
  env: Env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string =>
  nonEmpty(env.GIFTBATCH_DATA_DIR) === undefined
    ? path.join(resolveDataDir(undefined, env, platform, home), 'browser')
    : resolveDataDir(undefined, env, platform, home);
