import { expect, type Locator, type Page } from '@playwright/test';

/** Pastes text into a grid cell as Ctrl+V from a spreadsheet would. */
export const paste = async (target: Locator, text: string): Promise<void> => {
  await target.click();
  await target.evaluate((element, clipboardText) => {
    const data = new DataTransfer();
    data.setData('text/plain', clipboardText);
    element.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
};

interface SmallBatch {
  readonly name: string;
  readonly delivery: 'Email / SMS' | 'Claim links';
  /** Cells from the First name column on, in the grid's column order for the delivery type. */
  readonly rows: readonly (readonly string[])[];
}

interface PastedDraft {
  readonly name: string;
  /** Left as the preference sets it when not given. */
  readonly delivery?: SmallBatch['delivery'];
  /** Tab-separated rows as a spreadsheet puts them on the clipboard, from the First name column on. */
  readonly clipboardText: string;
  readonly rowCount: number;
}

/**
 * Through the UI only: a new draft of $25 Northwind Coffee cards (the defaults), the rows pasted at
 * the first row's First name cell; waits until every row is checked without errors and saved.
 */
export const composePastedDraft = async (page: Page, draft: PastedDraft): Promise<void> => {
  await page.getByRole('textbox', { name: 'New draft name' }).fill(draft.name);
  if (draft.delivery !== undefined) {
    await page.getByRole('combobox', { name: 'Delivery type' }).selectOption({ label: draft.delivery });
  }
  await page.getByRole('button', { name: 'New draft', exact: true }).click();
  await page.getByLabel('Default product').selectOption({ label: 'Northwind Coffee eGift Card' });
  await page.getByLabel('Default amount').fill('25');
  await page.getByRole('button', { name: 'Add row' }).click();
  const grid = page.getByRole('grid', { name: 'Recipients' });
  const firstNameColumn = await grid
    .getByRole('columnheader', { name: 'First name', exact: true })
    .getAttribute('aria-colindex');
  await paste(
    grid.locator(
      `[role="row"][aria-rowindex="2"] [role="gridcell"][aria-colindex="${String(firstNameColumn)}"]`,
    ),
    draft.clipboardText,
  );
  const counter = page.getByTestId('problem-counter');
  await expect(counter).toContainText(`${String(draft.rowCount)} rows`);
  await expect(counter).toContainText('0 errors');
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
};

/**
 * Through the UI only: `composePastedDraft` of the batch's rows, then Review & Send. Returns the batch id
 * the review shows.
 */
export const composeAndReview = async (page: Page, batch: SmallBatch): Promise<string> => {
  await composePastedDraft(page, {
    name: batch.name,
    delivery: batch.delivery,
    clipboardText: batch.rows.map((cells) => cells.join('\t')).join('\r\n'),
    rowCount: batch.rows.length,
  });

  await page.keyboard.press('Control+2');
  const poRange = await page.getByTestId('review-po-range').innerText();
  const batchId = /batch ([0-9A-HJKMNP-TV-Z]{8})\.$/.exec(poRange)?.[1];
  if (batchId === undefined) throw new Error(`No batch id in "${poRange}"`);
  return batchId;
};

/**
 * Through the UI only: `composeAndReview`, then Send (a small batch: no total to type). Returns the
 * batch id once it has completed.
 */
export const composeAndSend = async (page: Page, batch: SmallBatch): Promise<string> => {
  const batchId = await composeAndReview(page, batch);
  await page.getByRole('button', { name: /^Send \d+ rewards? · \$/ }).click();

  await expect(page.getByRole('heading', { level: 2, name: batch.name })).toBeVisible();
  await expect(page.getByTestId('batch-status')).toHaveText('Completed', { timeout: 30_000 });
  // Off the rows grid, so no row shows a hover highlight in the screenshots.
  await page.mouse.move(0, 0);
  return batchId;
};
