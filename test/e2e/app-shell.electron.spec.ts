import { _electron as electron, test } from '@playwright/test';
import path from 'node:path';
import { findElectronBinary } from '../support/find-electron.ts';
import { packageInfo } from '../support/package-info.ts';
import { walkTheShellByKeyboard } from './scenarios/app-shell.ts';

const electronBinary = findElectronBinary();

test.describe('the app shell in the real Electron app', () => {
  test.skip(
    electronBinary === undefined,
    'No Electron binary on this machine (set ELECTRON_OVERRIDE_DIST_PATH to run).',
  );

  test('shows data from main and reaches every screen by keyboard', async () => {
    const app = await electron.launch({
      executablePath: electronBinary,
      args: [path.join(import.meta.dirname, '../../out/main/index.js')],
    });
    try {
      const window = await app.firstWindow();
      await walkTheShellByKeyboard(window, { version: packageInfo.version });
    } finally {
      await app.close();
    }
  });
});
