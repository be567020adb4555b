import type { Locator, Page } from '@playwright/test';
import { hostname, userInfo } from 'node:os';
import { expect, test } from './fixtures.ts';
import { seedEveryScreen, visitEveryScreen } from './scenarios/every-screen.ts';

/**
 * What differs from run to run, painted over in the baselines: the temporary data folder, and
 * everything main stamps or numbers as it happens (batch ids and the PO numbers made from them, dates and
 * times), and who committed a batch on which machine.
 */
const changingParts = (page: Page, batchIds: readonly string[]): Locator[] => [
  page.getByText(/^Data: /),
  page.getByTestId('data-folder'),
  page.getByRole('textbox', { name: 'CSV file' }),
  page.getByTestId('review-po-range'),
  page.getByText(`${userInfo().username}@${hostname()}`),
  page.getByText(/sandbox:sbx_/),
  page.getByText(/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4}/),
  ...batchIds.map((id) => page.getByText(id)),
];

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every screen and dialog looks as its baseline, ${colorScheme} theme`, async ({
    app,
    services,
    dataDir,
  }) => {
    test.setTimeout(300_000);
    await app.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    const batchIds = await seedEveryScreen(services, dataDir.path);
    await visitEveryScreen(app, async (state) => {
      await expect.soft(app).toHaveScreenshot(`${state}-${colorScheme}.png`, {
        mask: changingParts(app, batchIds),
        // Two matching shots in a row can take a while on a loaded machine.
        timeout: 15_000,
      });
    });
  });
}
