import type { Locator, Page } from '@playwright/test';
import path from 'node:path';
import { paste } from './compose-and-send.ts';
import { expect, test } from './fixtures.ts';

/**
 * The three sessions of issue #12 replayed: an HR person importing a 400-row HRIS export with a
 * Preferred Name column, a shop owner pasting customers with their header row, and a sent draft found
 * closed and duplicated. The screenshots are kept with the tests (test/e2e/screens/).
 */
const screensDir = path.join(import.meta.dirname, 'screens');

/** The size the issue measured the grid at. */
const viewport = { width: 1280, height: 800 };

const grid = (page: Page) => page.getByRole('grid', { name: 'Recipients' });
const counter = (page: Page) => page.getByTestId('problem-counter');

/** An HRIS export: legal names, the name people go by, work email; every tenth person has only a mobile. */
const hrisExport = (rows: number): string =>
  [
    'Employee ID,Legal First Name,Legal Last Name,Preferred Name,Work Email,Mobile Phone,Department',
    ...Array.from({ length: rows }, (_, index) => {
      const n = String(index + 1);
      const first = index === 0 ? 'Deborah' : `Person${n}`;
      const email = index % 10 === 9 ? '' : `${first.toLowerCase()}.ng${n}@acmewidgets.com`;
      return `E-${n.padStart(4, '0')},${first},Ng${n},${index === 0 ? 'Deb' : `P${n}`},${email},(415) 555-${n.padStart(4, '0')},Sales`;
    }),
  ].join('\r\n');

const newDraft = async (page: Page, name: string) => {
  await page.getByRole('textbox', { name: 'New draft name' }).fill(name);
  await page.getByRole('button', { name: 'New draft', exact: true }).click();
  await page.getByLabel('Default product').selectOption({ label: 'Northwind Coffee eGift Card' });
  await page.getByLabel('Default amount').fill('25');
};

/** Grid rows whose whole height is inside the grid's viewport, under its header. */
const fullyVisibleRows = (page: Page): Promise<number> =>
  grid(page).evaluate((element) => {
    const box = element.getBoundingClientRect();
    const rows = [...element.querySelectorAll('[role="row"][aria-rowindex]')].filter(
      (row) => row.getAttribute('aria-rowindex') !== '1',
    );
    return rows.filter((row) => {
      const rect = row.getBoundingClientRect();
      return rect.top >= box.top && rect.bottom <= box.bottom + 0.5;
    }).length;
  });

/** The cell in a data row (1-based) under a column header, scrolled into the virtualised view. */
const cellOf = async (page: Page, rowNumber: number, columnName: string): Promise<Locator> => {
  const header = grid(page).getByRole('columnheader', { name: columnName, exact: true });
  for (let left = 0; (await header.count()) === 0 && left < 5_000; left += 300) {
    await grid(page).evaluate((element, scrollLeft) => {
      element.scrollLeft = scrollLeft;
    }, left);
  }
  const column = await header.getAttribute('aria-colindex');
  return grid(page).locator(
    `[role="row"][aria-rowindex="${String(rowNumber + 1)}"] [role="gridcell"][aria-colindex="${String(column)}"]`,
  );
};

/** Pastes where nothing in the grid is active: on the screen itself, as Ctrl+V on an empty grid does. */
const pasteOnScreen = async (page: Page, text: string) => {
  await page.locator('.compose').evaluate((element, clipboardText) => {
    const data = new DataTransfer();
    data.setData('text/plain', clipboardText);
    element.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
};

test.use({ viewport });
// Each test replays a whole session (a 400-row import, a send): more than one step's worth of time.
test.slow();

test('HR import with a Preferred Name column: the legal names are on the cards, text-only rows are named', async ({
  app,
}) => {
  await newDraft(app, 'Holiday bonus');
  await app.getByLabel('Default message').fill('Happy holidays, {first_name}!');
  await app.getByTestId('import-file-input').setInputFiles({
    name: 'hris-export.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(hrisExport(400)),
  });
  const dialog = app.getByRole('dialog', { name: 'Map the columns of hris-export.csv' });
  await expect(dialog.getByLabel('Field for Preferred Name')).toHaveValue('');
  await expect(dialog.getByLabel('Field for Legal First Name')).toHaveValue('first_name');
  await expect(dialog.getByTestId('mapping-to')).toHaveText(
    'Cards will say To: “Deborah Ng1”, “Person2 Ng2”, “Person3 Ng3”…',
  );
  await app.screenshot({ path: path.join(screensDir, 'compose-mapping-preferred-name.png') });
  await dialog.getByRole('button', { name: 'Import 400 rows' }).click();
  await expect(counter(app)).toContainText('400 rows');
  await expect(counter(app)).toContainText('0 errors');

  // The preview of the focused row: the legal name in To and in the message, by email.
  await (await cellOf(app, 1, 'Email')).click();
  const preview = app.getByTestId('recipient-preview');
  await expect(preview.getByTestId('preview-to')).toHaveText('Deborah Ng1');
  await expect(preview.getByTestId('preview-message')).toHaveText('Happy holidays, Deborah!');
  await expect(preview.getByTestId('preview-channel')).toHaveText(
    'Email to deborah.ng1@acmewidgets.com and text message to +14155550001',
  );
  await expect(preview.getByTestId('preview-value')).toHaveText('$25.00 Northwind Coffee eGift Card');
  await expect(await cellOf(app, 1, 'To (on the card)')).toHaveText('Deborah Ng1');
  // Row 10 has no email: the grid says it goes by text message before anything is sent.
  await expect(await cellOf(app, 10, 'Delivered by')).toHaveText('Text (no email)');
  await app.screenshot({ path: path.join(screensDir, 'compose-hr-import-light.png') });

  await app.keyboard.press('Control+2');
  await expect(app.getByTestId('review-delivery')).toHaveText(
    '360 rewards by email and text message · 40 rewards by text message only (no email)',
  );
  const smsOnly = app.getByTestId('review-sms-only');
  await expect(smsOnly).toContainText('40 rows without an email will be sent by text message');
  await expect(smsOnly).toContainText('Person10 Ng10: Text message to +14155550010 (no email)');
  await expect(app.getByTestId('review-preview').first()).toContainText('To: Deborah Ng1');
  await expect(app.getByTestId('review-preview').first()).toContainText('Happy holidays, Deborah!');
  await app.screenshot({ path: path.join(screensDir, 'review-text-only-rows.png'), fullPage: true });

  // Email only: the 40 rows become errors rather than text messages, in Compose and in main's review.
  await app.keyboard.press('Control+1');
  await app.getByText('Batch settings', { exact: true }).click();
  await app.getByLabel('Email only (no text messages)').check();
  await expect(counter(app)).toContainText('40 errors');
  await app.keyboard.press('Control+2');
  await expect(app.getByRole('heading', { name: /^40 errors/ })).toBeVisible();
  await expect(app.getByTestId('review-sms-only')).toHaveCount(0);
});

test('a pasted range with its header row goes through the mapping step; the grid fills the window', async ({
  app,
}) => {
  await newDraft(app, 'Shop customers');
  await expect(grid(app)).toContainText('No recipients yet.');
  // Mobile before Email: filled by position, the numbers would land in Email.
  const customers = [
    ['Name', 'Mobile', 'Email'],
    ...Array.from({ length: 30 }, (_, index) => [
      `Customer ${String(index + 1)}`,
      `(212) 555-${String(index + 1).padStart(4, '0')}`,
      `customer${String(index + 1)}@example.com`,
    ]),
  ];
  await pasteOnScreen(app, customers.map((cells) => cells.join('\t')).join('\r\n'));
  const dialog = app.getByRole('dialog', { name: 'Map the columns you pasted' });
  await expect(dialog.getByLabel('Field for Mobile')).toHaveValue('sms');
  await expect(dialog.getByLabel('Field for Email')).toHaveValue('email');
  await dialog.getByRole('button', { name: 'Import 30 rows' }).click();
  await expect(counter(app)).toHaveText('0 errors · 0 warnings · 30 rows');
  await expect(await cellOf(app, 1, 'Email')).toHaveText('customer1@example.com');

  // A paste without headers still fills from the active cell, as a spreadsheet does.
  await paste(await cellOf(app, 2, 'Email'), 'second@example.com');
  await expect(await cellOf(app, 2, 'Email')).toHaveText('second@example.com');

  await app.mouse.move(0, 0);
  await app.screenshot({ path: path.join(screensDir, 'compose-1280x800-light.png') });
  expect(await fullyVisibleRows(app)).toBeGreaterThanOrEqual(15);
  await app.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot({ path: path.join(screensDir, 'compose-1280x800-dark.png') });
  expect(await fullyVisibleRows(app)).toBeGreaterThanOrEqual(15);
});

test('a sent draft is closed: read-only, refused by Review, duplicated as a new draft', async ({ app }) => {
  await newDraft(app, 'Thank-you cards');
  await pasteOnScreen(
    app,
    [
      'First Name\tLast Name\tEmail',
      'Ana\tLima\tana@example.com',
      'Bo\tChen\tbo@example',
      'Cy\tDoe\tcy@example.com',
    ].join('\n'),
  );
  await app.getByRole('dialog').getByRole('button', { name: 'Import 3 rows' }).click();
  await expect(counter(app)).toContainText('1 error');

  await app.keyboard.press('Control+2');
  await app.getByRole('button', { name: 'Exclude 1 row with errors' }).click();
  await app.getByRole('button', { name: /^Send 2 rewards · \$/ }).click();
  await expect(app.getByTestId('batch-status')).toHaveText('Completed', { timeout: 30_000 });

  await app.keyboard.press('Control+1');
  const banner = app.getByTestId('sent-draft');
  await expect(banner).toContainText(/Sent as batch [0-9A-Z]{8} on/);
  await expect(banner).toContainText('2 of 3 rows; 1 row was left out and not sent.');
  await expect(app.getByRole('button', { name: 'Add row' })).toHaveCount(0);
  // Typing on a cell changes nothing: the draft is the record of what was sent.
  await (await cellOf(app, 1, 'First name')).dblclick();
  await app.keyboard.type('Changed');
  await app.keyboard.press('Enter');
  await expect(await cellOf(app, 1, 'First name')).toHaveText('Ana');
  await app.screenshot({ path: path.join(screensDir, 'compose-sent-draft.png') });

  await app.keyboard.press('Control+2');
  await expect(app.getByTestId('review-sent-draft')).toContainText('This draft is read-only now');
  await expect(app.getByRole('button', { name: /^Send/ })).toHaveCount(0);

  await app.getByRole('button', { name: 'New draft from the 1 row not sent' }).click();
  await app.keyboard.press('Control+1');
  await expect(app.getByTestId('sent-draft')).toHaveCount(0);
  await expect(counter(app)).toContainText('1 row');
  await expect(await cellOf(app, 1, 'Email')).toHaveText('bo@example');
  await expect(app.getByTestId('settings-summary')).toContainText('Thank-you cards (rows not sent)');
});
