import path from 'node:path';
import { createInProcessApi } from '../support/in-process-api.ts';
import { seedDraft, sendDraft } from '../../renderer/src/testing/seed-batches.ts';
import { expect, screenshotDir, test } from './fixtures.ts';

const people = (prefix: string) => (index: number) => ({
  first_name: `${prefix}${String(index + 1)}`,
  last_name: 'Tester',
  email: `${prefix.toLowerCase()}${String(index + 1)}@example.com`,
  reference: `E-${prefix.toUpperCase()}${String(index + 1)}`,
});

test('finds a sent batch in History by a recipient’s email, opens its record and duplicates it as a draft', async ({
  app,
  services,
}) => {
  const api = createInProcessApi(services);
  const spring = await sendDraft(api, await seedDraft(api, 'Spring thanks', 6, people('Ana')));
  const welcome = await sendDraft(api, await seedDraft(api, 'Welcome gifts', 4, people('Ben')));
  for (const id of [spring.id, welcome.id]) {
    await expect
      .poll(async () => {
        const batch = await api.getBatch({ batchId: id });
        return batch.ok ? batch.value.summary.status : undefined;
      })
      .toBe('completed');
  }

  await app
    .getByRole('button', { name: /History/ })
    .first()
    .click();
  const batches = app.getByRole('table', { name: 'Batches' });
  await expect(app.getByTestId('history-totals')).toContainText('Total: 2 batches');
  await expect(app.getByTestId('history-totals')).toContainText('$243.80');

  await app.getByRole('searchbox', { name: 'Search' }).fill('ben3@example.com');
  const matches = app.getByRole('table', { name: 'Matching rows' });
  await expect(matches.getByRole('row')).toHaveCount(2);
  await expect(matches).toContainText('Ben3 Tester');
  await expect(matches).toContainText(`GB-${welcome.id}-0003`);
  await expect(batches.getByRole('row')).toHaveCount(3);
  await app.screenshot({ path: path.join(screenshotDir, 'history-search.png'), fullPage: true });

  await matches.getByRole('button', { name: 'Welcome gifts' }).click();
  await app.getByRole('tab', { name: 'Details' }).click();
  const timeline = app.getByRole('list', { name: 'Timeline' });
  await expect(timeline).toContainText('Committed from draft “Welcome gifts”');
  await expect(timeline).toContainText('4 rows fulfilled');
  await expect(timeline).toContainText('Completed');
  await expect(app.getByRole('table', { name: 'Rows as sent' })).toContainText('E-BEN3');
  await app.screenshot({ path: path.join(screenshotDir, 'history-details.png'), fullPage: true });

  await app.getByRole('button', { name: 'Duplicate as new draft' }).click();
  await expect(app.getByRole('combobox', { name: 'Draft' }).locator('option:checked')).toHaveText(
    /^Welcome gifts \(copy\) · Email \/ SMS · 4 rows$/,
  );
});
