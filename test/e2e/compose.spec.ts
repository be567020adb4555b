import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, screenshotDir, test } from './fixtures.ts';

const fixture = path.join(import.meta.dirname, '../fixtures/e2e/hr-export.csv');

/** 50 recipients as Excel puts them on the clipboard; rows 7 and 20 are wrong on purpose. */
const clipboardRows = Array.from({ length: 50 }, (_, index) => {
  const number = index + 1;
  const email =
    number === 7 ? 'pat.seven@example' : number === 20 ? '' : `person${String(number)}@example.com`;
  return [`First${String(number)}`, `Last${String(number)}`, email].join('\t');
}).join('\r\n');

/** Grid rows are 32 px high (recipient-grid.tsx); the grid renders only the rows in view. */
const rowHeight = 32;

/** The cell of a 1-based data row and a column header name, scrolled into the virtualised view. */
const cell = async (page: Page, rowNumber: number, columnName: string) => {
  const grid = page.getByRole('grid', { name: 'Recipients' });
  const header = grid.getByRole('columnheader', { name: columnName, exact: true });
  await grid.evaluate(
    (element, top) => {
      element.scrollTop = top;
      element.scrollLeft = 0;
    },
    (rowNumber - 1) * rowHeight,
  );
  // Columns are virtualised too: scroll right until the column is rendered.
  for (let left = 0; (await header.count()) === 0 && left < 5_000; left += 300) {
    await grid.evaluate((element, scrollLeft) => {
      element.scrollLeft = scrollLeft;
    }, left);
  }
  const columnIndex = await header.getAttribute('aria-colindex');
  return grid.locator(
    `[role="row"][aria-rowindex="${String(rowNumber + 1)}"] [role="gridcell"][aria-colindex="${String(columnIndex)}"]`,
  );
};

const counter = (page: Page) => page.getByTestId('problem-counter');

/** Choose a problem in the panel, then type the fix into the cell it jumps to. */
const fixProblem = async (page: Page, where: string, value: string) => {
  await page
    .getByRole('complementary', { name: 'Problems' })
    .getByRole('button', { name: new RegExp(where) })
    .first()
    .click();
  await page.keyboard.press('Enter');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(value);
  await page.keyboard.press('Enter');
};

test('compose: paste 50 rows, import a file that needs mapping, fix every problem, reload, find it intact', async ({
  app,
}) => {
  await app.getByRole('textbox', { name: 'New draft name' }).fill('Holiday bonus');
  await app.getByRole('button', { name: 'New draft', exact: true }).click();
  await app.getByLabel('Default product').selectOption({ label: 'Northwind Coffee eGift Card' });
  await app.getByLabel('Default amount').fill('25');

  const download = app.waitForEvent('download');
  await app.getByRole('button', { name: 'Save template' }).click();
  const template = await download;
  expect(template.suggestedFilename()).toBe('giftbatch-template-email-sms.csv');
  const templatePath = await template.path();
  expect((await readFile(templatePath, 'utf8')).split('\r\n')[0]).toBe(
    '\uFEFFfirst_name,last_name,email,sms,product_id,amount,message,from_name,reference',
  );

  await app.getByRole('button', { name: 'Add row' }).click();
  const firstCell = await cell(app, 1, 'First name');
  await firstCell.click();
  await firstCell.evaluate((element, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    element.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, clipboardRows);
  await expect(counter(app)).toContainText('50 rows');
  await expect(counter(app)).toContainText('2 errors');
  await expect(await cell(app, 50, 'Email')).toHaveText('person50@example.com');
  await app.screenshot({ path: path.join(screenshotDir, 'compose-pasted.png') });

  // A range wider than the columns left of the active cell is refused whole, never cut off.
  const lastCell = await cell(app, 1, 'Reference');
  await lastCell.click();
  await lastCell.evaluate((element) => {
    const data = new DataTransfer();
    data.setData('text/plain', 'E-1\tana@example.com\t25\r\n');
    element.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  });
  await expect(app.getByTestId('cell-message')).toContainText(
    'Nothing was pasted: the copied range is 3 columns wide',
  );
  await expect(lastCell).toHaveText('');
  await app.screenshot({ path: path.join(screenshotDir, 'compose-paste-too-wide.png') });

  await app.getByTestId('import-file-input').setInputFiles(fixture);
  const dialog = app.getByRole('dialog', { name: 'Map the columns of hr-export.csv' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Field for E-mail Address')).toHaveValue('email');
  await expect(dialog.getByLabel('Field for Full Name')).toHaveValue('name');
  await expect(dialog.getByLabel('Field for Mobile')).toHaveValue('sms');
  await expect(dialog.getByLabel('Field for Gift Amount')).toHaveValue('amount');
  await expect(dialog.getByLabel('Field for Employee ID')).toHaveValue('reference');
  await expect(dialog.getByLabel('Field for Notes')).toHaveValue('');
  // The draft has rows already: the import asks whether it replaces them or adds to them.
  await dialog.getByRole('radio', { name: /^Add them after the 50 rows/ }).check();
  await app.screenshot({ path: path.join(screenshotDir, 'compose-mapping.png') });
  await dialog.getByRole('button', { name: 'Import 4 rows' }).click();
  await expect(counter(app)).toContainText('54 rows');
  await expect(counter(app)).toContainText('4 errors');
  await app.screenshot({ path: path.join(screenshotDir, 'compose-problems.png') });

  // Pasted rows are named by their place in the grid, imported ones by their row in hr-export.csv.
  await fixProblem(app, 'Grid row 7 · Email', 'pat.seven@example.com');
  await fixProblem(app, 'Grid row 20 · Email', 'person20@example.com');
  await fixProblem(app, 'File row 3 · Email', 'luis.ortega@example.com');
  await fixProblem(app, 'File row 4 · Amount', '50');
  await expect(counter(app)).toContainText('0 errors');
  await expect(app.getByTestId('save-status')).toHaveText('All changes saved');
  await app.screenshot({ path: path.join(screenshotDir, 'compose-fixed.png') });

  await app.reload();
  await expect(counter(app)).toContainText('54 rows');
  await expect(counter(app)).toContainText('0 errors');
  await expect(await cell(app, 7, 'Email')).toHaveText('pat.seven@example.com');
  await expect(await cell(app, 53, 'Amount')).toHaveText('50');
  await expect(await cell(app, 51, 'Mobile (SMS)')).toHaveText('(415) 555-0101');

  await app.keyboard.press('Control+2');
  await expect(app.getByTestId('review-batch')).toContainText('54 rewards ready');
  // 52 cards at $25.00 less 2.5 % ($24.38) and 2 at $50.00 less 2.5 % ($48.75).
  await expect(app.getByTestId('review-total')).toHaveText('$1,365.26');
  await expect(app.getByTestId('review-balance')).toContainText('$8,634.74 left after this batch');
  await app.screenshot({ path: path.join(screenshotDir, 'review.png') });
});
