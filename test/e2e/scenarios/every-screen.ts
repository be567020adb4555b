import { expect, type Page } from '@playwright/test';
import path from 'node:path';
import type { GiftBatchApi } from '../../../common/contract/channels.ts';
import { seedDraft, sendDraft } from '../../../renderer/src/testing/seed-batches.ts';
import { createInProcessApi } from '../../support/in-process-api.ts';
import { rejectSentRowInLedger } from '../../support/row-outcomes.ts';
import type { TestServices } from '../../support/test-services.ts';

/** Every screen and dialog the accessibility scans and the visual baselines cover, in the order visited. */
export const screenStates = [
  'compose',
  'import-mapping',
  'review',
  'catalog',
  'settings',
  'first-run-guide',
  'history',
  'track',
  'edit-row',
  'audit-export',
  'history-record',
] as const;
export type ScreenState = (typeof screenStates)[number];

const hrExport = path.join(import.meta.dirname, '../../fixtures/e2e/hr-export.csv');

const person = (prefix: string) => (index: number) => ({
  first_name: `${prefix}${String(index + 1)}`,
  last_name: 'Tester',
  email: `${prefix.toLowerCase()}${String(index + 1)}@example.com`,
  reference: `E-${String(index + 101)}`,
});

const statusOf = async (api: GiftBatchApi, batchId: string) => {
  const detail = await api.getBatch({ batchId });
  return detail.ok ? detail.value.summary.status : undefined;
};

/**
 * A paused batch whose last row the provider rejected. Paused at once, one request a second, so no row
 * has gone out before the pause.
 */
const pausedBatchWithRejectedRow = async (api: GiftBatchApi, dataDir: string, rows: number) => {
  await api.updateSendingSettings({ requestsPerSecond: 1, concurrency: 1 });
  const draftId = await seedDraft(api, 'Welcome gifts', rows, person('Ben'));
  const batch = await sendDraft(api, draftId);
  expect((await api.pauseBatch({ batchId: batch.id })).ok).toBe(true);
  await expect.poll(() => statusOf(api, batch.id)).toBe('paused');
  rejectSentRowInLedger(dataDir, batch.id, rows);
  await api.updateSendingSettings({ requestsPerSecond: 20, concurrency: 4 });
  return batch.id;
};

/**
 * A completed batch for History, the paused one with a rejected row for Track, a draft with two problems.
 * Returns the two batches' ids.
 */
export const seedEveryScreen = async (services: TestServices, dataDir: string): Promise<string[]> => {
  const api = createInProcessApi(services);
  const completed = await sendDraft(api, await seedDraft(api, 'Spring thanks', 4, person('Ana')));
  await expect.poll(() => statusOf(api, completed.id)).toBe('completed');
  const paused = await pausedBatchWithRejectedRow(api, dataDir, 3);
  await seedDraft(api, 'Holiday bonus', 6, (index) => ({
    ...person('Cy')(index),
    ...(index === 1 ? { email: 'cy2@example' } : {}),
    ...(index === 4 ? { amount: '2500' } : {}),
  }));
  return [completed.id, paused];
};

const screenTitle = (page: Page) => page.getByRole('heading', { level: 1 });

/**
 * Visits every screen state of `screenStates` on a page seeded by `seedEveryScreen`, by keyboard
 * shortcuts and the buttons a user would press, and calls `visit` once each state is on screen.
 */
export const visitEveryScreen = async (
  page: Page,
  visit: (state: ScreenState) => Promise<void>,
): Promise<void> => {
  await page.reload();
  await expect(page.getByTestId('connection-state')).toHaveText('Connected');

  await page.keyboard.press('Control+1');
  const draft = page.getByRole('combobox', { name: 'Draft' });
  await draft.selectOption({
    label: await draft.getByRole('option', { name: /^Holiday bonus/ }).innerText(),
  });
  const counter = page.getByTestId('problem-counter');
  await expect(counter).toContainText('6 rows');
  await expect(counter).toContainText('2 errors');
  await expect(page.getByRole('complementary', { name: 'Problems' })).toBeVisible();
  await visit('compose');
  // Reloaded with a paused batch, the app says so once; dismissed, it covers no other screen.
  await page.getByRole('button', { name: 'Dismiss notification' }).click();

  await page.getByTestId('import-file-input').setInputFiles(hrExport);
  const mapping = page.getByRole('dialog', { name: 'Map the columns of hr-export.csv' });
  await expect(mapping.getByLabel('Field for E-mail Address')).toHaveValue('email');
  await visit('import-mapping');
  await page.keyboard.press('Escape');
  await expect(mapping).toBeHidden();

  await page.keyboard.press('Control+2');
  await expect(page.getByTestId('review-batch')).toBeVisible();
  await visit('review');

  await page.keyboard.press('Control+4');
  await expect(screenTitle(page)).toHaveText('Catalog');
  await expect(page.getByText('Northwind Coffee eGift Card').first()).toBeVisible();
  await visit('catalog');

  await page.keyboard.press('Control+5');
  await expect(screenTitle(page)).toHaveText('Settings');
  await expect(page.getByRole('region', { name: 'Preferences' })).toBeVisible();
  await visit('settings');

  await page.getByRole('button', { name: 'Show the first-run guide again' }).click();
  const guide = page.getByRole('dialog', { name: 'Welcome to GiftBatch' });
  await expect(guide).toContainText('Step 1 of 3');
  await visit('first-run-guide');
  await guide.getByRole('button', { name: 'Skip the guide' }).click();
  await expect(guide).toBeHidden();

  await page.keyboard.press('Control+3');
  const batches = page.getByRole('table', { name: 'Batches' });
  await expect(batches.locator('tbody tr')).toHaveCount(2);
  await visit('history');

  await batches.getByRole('button', { name: 'Welcome gifts' }).click();
  await expect(page.getByTestId('batch-status')).toHaveText('Paused');
  await page.mouse.move(0, 0);
  await visit('track');

  await page.getByRole('button', { name: 'Edit and send again' }).click();
  const editRow = page.getByRole('dialog', { name: 'Edit row 3' });
  await expect(editRow.getByLabel('Email')).toHaveValue('ben3@example.com');
  await visit('edit-row');
  await page.keyboard.press('Escape');
  await expect(editRow).toBeHidden();

  await page.getByRole('button', { name: 'Export audit report…' }).click();
  const exporting = page.getByRole('dialog', { name: 'Export audit report' });
  await expect(exporting.getByRole('textbox', { name: 'CSV file' })).toHaveValue(/\.csv$/);
  await visit('audit-export');
  await page.keyboard.press('Escape');
  await expect(exporting).toBeHidden();

  await page.getByRole('tab', { name: 'Details' }).click();
  await expect(page.getByRole('list', { name: 'Timeline' })).toContainText('Committed from draft');
  await visit('history-record');
};
