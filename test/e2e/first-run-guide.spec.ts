import { readFileSync } from 'node:fs';
import path from 'node:path';
import { legacyGuideSeenKey } from '../../renderer/src/state/guide-store.ts';
import { expect, screenshotDir, test } from './fixtures.ts';

test.use({ firstRunGuide: 'unseen' });

test('first-run guide: shown on the first launch, skipped, not shown again; reopened from Settings, it creates a sample draft', async ({
  app,
}) => {
  const guide = app.getByRole('dialog', { name: 'Welcome to GiftBatch' });
  await expect(guide).toBeVisible();
  await expect(guide).toContainText('Step 1 of 3');
  await expect(
    guide.getByRole('heading', { name: 'The Sandbox: everything works, nothing is real' }),
  ).toBeVisible();
  await app.screenshot({ path: path.join(screenshotDir, 'guide-sandbox.png') });

  await guide.getByRole('button', { name: 'Skip the guide' }).click();
  await expect(guide).toBeHidden();
  await app.reload();
  await expect(app.getByTestId('version')).toBeVisible();
  await expect(app.getByRole('heading', { level: 1, name: 'Compose' })).toBeVisible();
  await expect(guide).toHaveCount(0);

  await app
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('button', { name: /Settings/ })
    .click();
  await app.getByRole('button', { name: 'Show the first-run guide again' }).click();
  await expect(guide).toContainText('Step 1 of 3');
  await guide.getByRole('button', { name: 'Next' }).click();
  await expect(guide.getByRole('heading', { name: 'Moving to Staging or Production' })).toBeVisible();
  await expect(guide).toContainText('Settings → Connection');
  await app.screenshot({ path: path.join(screenshotDir, 'guide-environments.png') });
  await guide.getByRole('button', { name: 'Next' }).click();
  await expect(guide.getByRole('heading', { name: 'Try a sample batch' })).toBeVisible();
  await app.screenshot({ path: path.join(screenshotDir, 'guide-sample.png') });

  await guide.getByRole('button', { name: 'Create the sample draft' }).click();
  await expect(guide).toBeHidden();
  await expect(app.getByRole('heading', { level: 1, name: 'Compose' })).toBeVisible();
  const counter = app.getByTestId('problem-counter');
  await expect(counter).toContainText('5 rows');
  await expect(counter).toContainText('0 errors');
  await expect(app.getByTestId('save-status')).toHaveText('All changes saved');
  await expect(app.getByRole('grid', { name: 'Recipients' })).toContainText('ada.lovelace@example.com');

  // Finished or skipped, it stays closed on the next launch.
  await app.reload();
  await expect(app.getByTestId('version')).toBeVisible();
  await expect(guide).toHaveCount(0);
});

test('first-run guide: a user who saw it in an earlier version (localStorage) does not see it again, and the flag moves to the settings file', async ({
  page,
  bridge,
  dataDir,
  pageErrors,
}) => {
  await page.addInitScript((key) => {
    if (sessionStorage.getItem('launched') === null) localStorage.setItem(key, 'seen');
    sessionStorage.setItem('launched', 'yes');
  }, legacyGuideSeenKey);
  await page.goto(bridge.url);
  await expect(page.getByTestId('version')).toBeVisible();
  const settingsFile = path.join(dataDir.path, 'settings.json');
  await expect
    .poll(() => (JSON.parse(readFileSync(settingsFile, 'utf8')) as { firstRunGuide: unknown }).firstRunGuide)
    .toEqual({ seen: true });
  await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), legacyGuideSeenKey)).toBeNull();
  await page.reload();
  await expect(page.getByTestId('version')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Compose' })).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Welcome to GiftBatch' })).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});
