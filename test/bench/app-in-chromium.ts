import { chromium, type Page } from 'playwright-core';
import path from 'node:path';
import { noCipher } from '../../main/credentials/credentials-vault.ts';
import { createLogger } from '../../main/logging/logger.ts';
import { createMainServices } from '../../main/services.ts';
import { startBridgeServer } from '../support/bridge-server.ts';
import { findChromium, quietChromiumArgs } from '../support/find-chromium.ts';
import { createTempDir } from '../support/temp-dir.ts';

/**
 * The built renderer in Chromium at the desktop window's size, on the real main-process services of a
 * fresh data folder (`seed` writes to it first), through the test bridge, with the first-run guide seen; everything closed after `use`.
 */
export const withAppInChromium = async <T>(
  use: (page: Page) => Promise<T>,
  seed: (dataDir: string) => void = () => undefined,
): Promise<T> => {
  const dir = await createTempDir('giftbatch-bench-');
  seed(dir.path);
  const services = await createMainServices({
    productName: 'GiftBatch',
    version: 'bench',
    dataDir: dir.path,
    logger: createLogger(() => undefined),
    cipher: noCipher,
  });
  // Opened as after the first launch: the first-run guide would cover the grid.
  await services.handlers['settings:update-first-run-guide']({ seen: true });
  const bridge = await startBridgeServer({
    services,
    rendererDir: path.join(import.meta.dirname, '../../out/renderer'),
  });
  const browser = await chromium.launch({ executablePath: findChromium(), args: quietChromiumArgs });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 820 } });
    await page.goto(bridge.url);
    return await use(page);
  } finally {
    await browser.close();
    await bridge.close();
    await services.close();
    await dir.remove();
  }
};
