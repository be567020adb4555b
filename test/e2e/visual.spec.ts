import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { seedEveryScreen, visitEveryScreen } from './scenarios/every-screen.ts';

/**
 * What differs from run to run, painted over in the baselines: the temporary data folder, and
 * everything main stamps or numbers as it happens (batch ids, the PO numbers made from them, order ids,
 * dates and times).
 */
const changingParts = (page: Page): Locator[] => [page.getByText(/^Data: /), page.getByTestId('data-folder')];

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every screen and dialog looks as its baseline, ${colorScheme} theme`, async ({
    app,
    services,
    dataDir,
  }) => {
    test.setTimeout(300_000);
    await app.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    await seedEveryScreen(services, dataDir.path);
    await visitEveryScreen(app, async (state) => {
      await expect.soft(app).toHaveScreenshot(`${state}-${colorScheme}.png`, { mask: changingParts(app) });
    });
  });
}
