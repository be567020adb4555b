import Database from 'better-sqlite3';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { z } from 'zod';
import { ledgerFileName } from '../../main/ledger/open-ledger.ts';
import { composeAndReview } from './compose-and-send.ts';
import { expect, screenshotDir, test } from './fixtures.ts';

// The services look every second rather than every 15 s; the clock is the real one.
test.use({ scheduleCheckMs: 1_000, timezoneId: 'Europe/London' });

const recipients = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, index) => [
    `${prefix}${String(index + 1)}`,
    'Tester',
    `${prefix.toLowerCase()}${String(index + 1)}@example.com`,
  ]);

/** What a datetime-local input holds for this instant, in the page's zone (not this process's). */
const localInputValue = (page: Page, ms: number): Promise<string> =>
  page.evaluate((at) => {
    const date = new Date(at);
    const pad = (value: number) => String(value).padStart(2, '0');
    return `${String(date.getFullYear())}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  }, ms);

/** From Review: Send at… the given instant; lands on the batch's page. */
const scheduleAt = async (page: Page, startMs: number, screenshot?: string): Promise<void> => {
  await page.getByRole('button', { name: 'Send at…' }).click();
  const field = page.getByLabel('Start sending at');
  await field.fill(await localInputValue(page, startMs));
  await expect(page.getByTestId('start-time-hint')).toHaveText('Your local time: Europe/London, UTC+00:00.');
  if (screenshot !== undefined)
    await page.screenshot({ path: path.join(screenshotDir, screenshot), fullPage: true });
  await page.getByRole('button', { name: /^Schedule \d+ rewards? · \$/ }).click();
  await expect(page.getByTestId('batch-status')).toHaveText('Scheduled');
};

const ordersSchema = z.array(z.object({ PONumber: z.string() }));

test('scheduled sends: one starts on time and completes, another is moved and cancelled before its time', async ({
  app,
  services,
}) => {
  test.setTimeout(300_000);
  const connection = await services.handlers['connection:get-state'](undefined);
  if (!connection.ok || connection.value.baseUrl === null) throw new Error('The sandbox has no URL.');
  const sandboxUrl = connection.value.baseUrl;
  const ordersOf = async (batchId: string): Promise<number> =>
    ordersSchema
      .parse(await (await fetch(`${sandboxUrl}/_sim/orders`)).json())
      .filter((order) => order.PONumber.startsWith(`GB-${batchId}-`)).length;

  const onTimeId = await composeAndReview(app, {
    name: 'On time',
    delivery: 'Email / SMS',
    rows: recipients('Early', 3),
  });
  const startMs = Math.ceil((Date.now() + 120_000) / 1000) * 1000;
  await scheduleAt(app, startMs, 'schedule-review-send-at.png');
  await expect(
    app
      .getByRole('status')
      .filter({ hasText: /^Scheduled for / })
      .first(),
  ).toBeVisible();
  await expect(app.getByTestId('schedule-notice')).toContainText(
    /Scheduled for \w{3} \d{1,2} \w{3}, \d{2}:\d{2} \(in (1|2) minutes?\)/,
  );

  // Another, an hour ahead: a new time, then cancelled before it.
  await app.keyboard.press('Control+1');
  const laterId = await composeAndReview(app, {
    name: 'Not this time',
    delivery: 'Email / SMS',
    rows: recipients('Later', 2),
  });
  await scheduleAt(app, Date.now() + 60 * 60_000);
  const notice = app.getByTestId('schedule-notice');
  await expect(notice).toContainText('(in 59 minutes)');
  await app.mouse.move(0, 0);
  await app.screenshot({ path: path.join(screenshotDir, 'schedule-waiting.png') });
  await notice.getByRole('button', { name: 'Change time…' }).click();
  await app.getByLabel('New start time').fill(await localInputValue(app, Date.now() + 3 * 60 * 60_000));
  await notice.getByRole('button', { name: 'Save new time' }).click();
  await expect(notice).toContainText(/\(in (2|3) hours\)/);
  await notice.getByRole('button', { name: 'Cancel batch…' }).click();
  await notice.getByRole('button', { name: 'Yes, cancel batch' }).click();
  await expect(app.getByTestId('batch-status')).toHaveText('Cancelled');

  // History lists the waiting one as Scheduled, with its time.
  await app.getByRole('button', { name: '← All batches' }).click();
  const rows = app.getByRole('table', { name: 'Batches' }).locator('tbody tr');
  const onTimeRow = rows.filter({ hasText: onTimeId });
  await expect(onTimeRow).toContainText('Scheduled');
  await expect(onTimeRow).toContainText(/\w{3} \d{1,2} \w{3}, \d{2}:\d{2}/);
  await expect(rows.filter({ hasText: laterId })).toContainText('Cancelled');
  await app.screenshot({ path: path.join(screenshotDir, 'schedule-history.png') });

  // Its page, left open, follows it: it starts by itself at its time and completes.
  await onTimeRow.getByRole('button', { name: 'On time' }).click();
  const status = app.getByTestId('batch-status');
  await expect(status).toHaveText('Scheduled');
  await expect(status).toHaveText('Completed', { timeout: startMs - Date.now() + 60_000 });
  // On time: first sent no earlier than its start time, and within a few looks of the services after it.
  const record = await services.handlers['history:batch-record']({ batchId: onTimeId, limit: 1, offset: 0 });
  if (!record.ok || record.value.sentAt === null) throw new Error('The batch has no first-sent time.');
  const lateByMs = Date.parse(record.value.sentAt) - startMs;
  expect(lateByMs).toBeGreaterThanOrEqual(0);
  expect(lateByMs).toBeLessThan(5_000);
  expect(await ordersOf(onTimeId)).toBe(3);
  expect(await ordersOf(laterId)).toBe(0);
});

test('a scheduled batch found late is not sent until the user says: the banner, then Send now', async ({
  app,
  dataDir,
}) => {
  test.setTimeout(120_000);
  const batchId = await composeAndReview(app, {
    name: 'Missed',
    delivery: 'Email / SMS',
    rows: recipients('Late', 2),
  });
  await scheduleAt(app, Date.now() + 30 * 60_000);

  // As if GiftBatch had been closed at its time: the ledger says it was due 20 minutes ago.
  const dueMs = Math.floor((Date.now() - 20 * 60_000) / 60_000) * 60_000;
  const ledger = new Database(path.join(dataDir.path, ledgerFileName));
  try {
    ledger
      .prepare('UPDATE batches SET scheduled_for = ? WHERE id = ?')
      .run(new Date(dueMs).toISOString(), batchId);
  } finally {
    ledger.close();
  }
  await app.reload();
  await expect(app.getByTestId('version')).toBeVisible();
  await expect(
    app.getByRole('status').filter({ hasText: `Missed (${batchId}) was scheduled for` }),
  ).toContainText('has not been sent: GiftBatch was not running then.');

  await app.keyboard.press('Control+3');
  const row = app.getByRole('table', { name: 'Batches' }).locator('tbody tr').filter({ hasText: batchId });
  await expect(row).toContainText('Late');
  await row.getByRole('button', { name: 'Missed' }).click();
  const notice = app.getByTestId('schedule-notice');
  await expect(notice.getByRole('alert')).toHaveText(
    /^Was scheduled for \w{3} \d{1,2} \w{3}, \d{2}:\d{2} and has not been sent \(GiftBatch was not running then\)$/,
  );
  await expect(app.getByTestId('batch-status')).toHaveText('Scheduled');
  await app.mouse.move(0, 0);
  await app.screenshot({ path: path.join(screenshotDir, 'schedule-late.png') });

  await notice.getByRole('button', { name: 'Send now' }).click();
  await expect(app.getByTestId('batch-status')).toHaveText('Completed', { timeout: 60_000 });
});
