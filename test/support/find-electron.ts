import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const electronPackageDir = path.join(import.meta.dirname, '../../node_modules/electron');

/**
 * The Electron binary, if this machine has one: ELECTRON_OVERRIDE_DIST_PATH, or the one `npm install`
 * downloaded. Without it the Electron variant of the e2e specs is skipped with a one-line reason.
 */
export const findElectronBinary = (): string | undefined => {
  const overrideDir = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (overrideDir !== undefined && overrideDir !== '') {
    const binary = path.join(overrideDir, process.platform === 'win32' ? 'electron.exe' : 'electron');
    return existsSync(binary) ? binary : undefined;
  }
  const pathFile = path.join(electronPackageDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = path.join(electronPackageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
};
