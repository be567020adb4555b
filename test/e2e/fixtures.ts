import { test as base, expect, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { startBridgeServer, type BridgeServer } from '../support/bridge-server.ts';
import { createTempDir, type TempDir } from '../support/temp-dir.ts';
import { createTestServices, type TestServices } from '../support/test-services.ts';

const rendererDir = path.join(import.meta.dirname, '../../out/renderer');
export const screenshotDir = path.join(import.meta.dirname, '../../test-results/screenshots');

interface AppOptions {
  /** 'seen' (the default) opens the app as after its first launch; the guide's own spec uses 'unseen'. */
  firstRunGuide: 'seen' | 'unseen';
  /** How often the services look at scheduled batches; the app's 15 s when undefined. */
  scheduleCheckMs: number | undefined;
}

interface AppFixtures {
  /** The real main-process services behind the page, with a fresh data folder per test. */
  services: TestServices;
  dataDir: TempDir;
  bridge: BridgeServer;
  /** Every console error and uncaught exception the page produced; each spec expects none. */
  pageErrors: string[];
  /** The page with the built renderer loaded through the test bridge. */
  app: Page;
}

export const test = base.extend<AppFixtures & AppOptions>({
  firstRunGuide: ['seen', { option: true }],
  scheduleCheckMs: [undefined, { option: true }],
  // Playwright's fixture API requires object destructuring for the first argument, even when empty.
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = await createTempDir();
    await use(dir);
    await dir.remove();
  },
  services: async ({ dataDir, scheduleCheckMs }, use) => {
    const services = await createTestServices(
      dataDir.path,
      scheduleCheckMs === undefined ? {} : { scheduleCheckMs },
    );
    await use(services);
    await services.close();
  },
  bridge: async ({ services }, use) => {
    if (!existsSync(path.join(rendererDir, 'index.html'))) {
      throw new Error('out/renderer is missing: run `npm run build` first (npm run test:e2e does).');
    }
    const bridge = await startBridgeServer({ services, rendererDir });
    await use(bridge);
    await bridge.close();
  },
  pageErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await use(errors);
  },
  app: async ({ page, services, bridge, pageErrors, firstRunGuide }, use) => {
    if (firstRunGuide === 'seen') await services.handlers['settings:update-first-run-guide']({ seen: true });
    await page.goto(bridge.url);
    await expect(page.getByTestId('version')).toBeVisible();
    await use(page);
    expect(pageErrors).toEqual([]);
  },
});

export { expect };
