import { defineConfig } from '@playwright/test';
import { findChromium, quietChromiumArgs } from './test/support/find-chromium.ts';

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  forbidOnly: process.env.CI !== undefined,
  retries: 0,
  reporter: 'list',
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: findChromium(), args: quietChromiumArgs },
    trace: 'retain-on-failure',
    // The desktop window's default size (main/electron/window-options.ts).
    viewport: { width: 1280, height: 820 },
  },
});
