import type { Page } from '@playwright/test';
import path from 'node:path';
import { z } from 'zod';
import { expect, screenshotDir, test } from './fixtures.ts';
import { composePastedDraft } from './compose-and-send.ts';

/**
 * The expected cost, worked out here from the sandbox catalog (main/sandbox/catalog-seed.ts), not by our
 * cost code: face value less the discount, rounded half up to the cent, plus the fee, per card.
 */
const groups = [
  // Northwind Coffee, 2.5 % off: $25.00 × 0.975 = $24.375 → $24.38. These rows use the batch defaults.
  {
    rows: 150,
    productId: '',
    amount: '',
    product: 'Northwind Coffee eGift Card',
    face: '$25.00',
    unitCents: 24_38,
    cost: '$3,657.00',
  },
  // $50.00 × 0.975 = $48.75, product and amount given per row.
  {
    rows: 30,
    productId: 'NORTHWIND-COFFEE',
    amount: '50',
    product: 'Northwind Coffee eGift Card',
    face: '$50.00',
    unitCents: 48_75,
    cost: '$1,462.50',
  },
  // Trailmark Outfitters: no discount, a $0.50 fee: $40.50.
  {
    rows: 20,
    productId: 'TRAILMARK-OUTFITTERS',
    amount: '40',
    product: 'Trailmark Outfitters eGift Card',
    face: '$40.00',
    unitCents: 40_50,
    cost: '$810.00',
  },
] as const;
const rowCount = groups.reduce((sum, group) => sum + group.rows, 0);
const totalCents = groups.reduce((sum, group) => sum + group.rows * group.unitCents, 0);

/** Written out by hand, so a formatting bug cannot hide in a shared formatter. */
const totalText = '$5,929.50';

/** 200 recipients as a spreadsheet puts them on the clipboard: name, email, no SMS, product, amount. */
const clipboardRows = groups
  .flatMap((group) => Array.from({ length: group.rows }, () => group))
  .map((group, index) => {
    const number = String(index + 1);
    return [
      `First${number}`,
      `Last${number}`,
      `person${number}@example.com`,
      '',
      group.productId,
      group.amount,
    ];
  })
  .map((cells) => cells.join('\t'))
  .join('\r\n');

/** "$10,000.00" → 1000000. */
const centsOf = (text: string): number => {
  const match = /\$([\d,]+)\.(\d{2})/.exec(text);
  if (match === null) throw new Error(`No dollar amount in "${text}"`);
  const [, dollars = '', cents = ''] = match;
  return Number(dollars.replaceAll(',', '')) * 100 + Number(cents);
};

const availableCents = async (page: Page): Promise<number> =>
  centsOf(await page.getByTestId('balance').locator('strong').innerText());

const sandboxOrdersSchema = z.array(
  z.object({ PONumber: z.string(), Status: z.string(), LineItems: z.array(z.object({ Cost: z.number() })) }),
);

test('send a batch: compose 200 rows, review, send to the sandbox, see it complete and the balance drop by the total', async ({
  app,
  services,
}) => {
  test.setTimeout(180_000);

  // Compose: defaults for most rows, the other two groups set per row.
  await composePastedDraft(app, { name: 'Year-end thanks', clipboardText: clipboardRows, rowCount });

  // Review: the cost per group and in total, the PO range, the balance.
  await app.keyboard.press('Control+2');
  await expect(app.getByTestId('review-batch')).toContainText(`${String(rowCount)} rewards ready`);
  const costRows = app.getByRole('table', { name: 'Cost by product' }).locator('tbody tr');
  await expect(costRows).toHaveCount(groups.length);
  for (const [index, group] of groups.entries()) {
    const row = costRows.nth(index);
    await expect(row.getByRole('rowheader')).toContainText(group.product);
    await expect(row.getByRole('cell').nth(0)).toHaveText(group.face);
    await expect(row.getByRole('cell').nth(1)).toHaveText(String(group.rows));
    await expect(row.getByRole('cell').nth(5)).toHaveText(group.cost);
    expect(centsOf(group.cost)).toBe(group.rows * group.unitCents);
  }
  expect(totalCents).toBe(centsOf(totalText));
  await expect(app.getByTestId('review-total')).toHaveText(totalText);

  const poRange = await app.getByTestId('review-po-range').innerText();
  const range = /^PO numbers GB-([0-9A-HJKMNP-TV-Z]{8})-0001 to GB-\1-0200, one per row, batch \1\.$/.exec(
    poRange,
  );
  expect(range, poRange).not.toBeNull();
  const batchId = range?.[1] ?? '';

  // The review screen reads the balance again on entry; this is what the batch will be taken from.
  await expect(app.getByTestId('balance')).toBeVisible();
  const before = await availableCents(app);
  const left = (before - totalCents) / 100;
  await expect(app.getByTestId('review-balance')).toContainText(
    `$${left.toLocaleString('en-US', { minimumFractionDigits: 2 })} left after this batch`,
  );

  // Above $1,000.00, Send waits for the total to be typed.
  const send = app.getByRole('button', { name: `Send ${String(rowCount)} rewards · ${totalText}` });
  const confirm = app.getByRole('textbox', { name: /Type the total to confirm/ });
  await expect(send).toBeDisabled();
  await confirm.fill('5,929.05');
  await expect(send).toBeDisabled();
  await expect(app.getByTestId('send-blocked')).toHaveText(
    `That is not the total of this batch: type ${totalText}.`,
  );
  await confirm.fill(totalText);
  await expect(send).toBeEnabled();
  await app.screenshot({ path: path.join(screenshotDir, 'send-review.png'), fullPage: true });
  await send.click();

  // Track: live while the rows go out (20 requests a second, so at least 10 s), then done.
  await expect(app.getByRole('heading', { level: 2, name: 'Year-end thanks' })).toBeVisible();
  const status = app.getByTestId('batch-status');
  await expect(status).toHaveText('Sending');
  await expect(app.getByRole('button', { name: 'Pause' })).toBeVisible();
  // Off the rows grid, so no row shows a hover highlight in the screenshots.
  await app.mouse.move(0, 0);
  await expect(app.getByTestId('settled-count')).not.toHaveText(/^0 of/);
  await app.screenshot({ path: path.join(screenshotDir, 'send-track-sending.png') });
  await expect(status).toHaveText('Completed', { timeout: 120_000 });
  await expect(app.getByTestId('count-fulfilled')).toHaveText(`Fulfilled${String(rowCount)}`);
  await expect(app.getByTestId('settled-count')).toHaveText(
    `${String(rowCount)} of ${String(rowCount)} rows settled`,
  );
  await expect(app.getByTestId('batch-outcome')).toHaveText(
    `Done: ${String(rowCount)} rewards fulfilled, ${totalText} charged.`,
  );

  // The status bar reads the balance again once sending stops: down by exactly the reviewed total.
  await expect.poll(() => availableCents(app)).toBe(before - totalCents);
  await app.screenshot({ path: path.join(screenshotDir, 'send-track-done.png') });

  // The sandbox saw exactly one order per row, each PO number once, and charged the reviewed total.
  const connection = await services.handlers['connection:get-state'](undefined);
  if (!connection.ok || connection.value.baseUrl === null) throw new Error('The sandbox has no URL.');
  const orders = sandboxOrdersSchema.parse(
    await (await fetch(`${connection.value.baseUrl}/_sim/orders`)).json(),
  );
  expect(orders).toHaveLength(rowCount);
  const poNumbers = new Set(orders.map((order) => order.PONumber));
  const expectedPoNumbers = Array.from(
    { length: rowCount },
    (_, index) => `GB-${batchId}-${String(index + 1).padStart(4, '0')}`,
  );
  expect([...poNumbers].sort()).toEqual(expectedPoNumbers);
  const chargedCents = orders
    .flatMap((order) => order.LineItems)
    .reduce((sum, line) => sum + Math.round(line.Cost * 100), 0);
  expect(chargedCents).toBe(totalCents);

  // History: the batch, completed, every row fulfilled.
  await app.getByRole('button', { name: '← All batches' }).click();
  const batches = app.getByRole('table', { name: 'Batches' });
  const listed = batches.locator('tbody tr').filter({ hasText: batchId });
  await expect(listed).toHaveCount(1);
  await expect(listed).toContainText('Year-end thanks');
  await expect(listed).toContainText('Completed');
  await expect(listed).toContainText(`${String(rowCount)} of ${String(rowCount)} rows fulfilled`);
  await expect(listed.getByText(totalText)).toHaveCount(2);
  await app.screenshot({ path: path.join(screenshotDir, 'send-history.png') });
});
