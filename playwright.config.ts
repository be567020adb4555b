import { defineConfig } from '@playwright/test';
import { findChromium, quietChromiumArgs } from './test/support/find-chromium.ts';

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  // One baseline per screen and theme, not per platform: CI runs the same Debian Chromium as we do.
  snapshotPathTemplate: 'test/e2e/baselines/{arg}{ext}',
  expect: {
    // Room for font hinting and anti-aliasing, none for a moved or recoloured control.
    toHaveScreenshot: { maxDiffPixelRatio: 0.01, threshold: 0.2, animations: 'disabled', caret: 'hide' },
  },
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
