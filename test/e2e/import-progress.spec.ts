import { generateRecipientsCsv } from '../bench/generate-recipients.ts';
import { expect, test } from './fixtures.ts';

/** Big enough that the rows go into the grid in several parts, as a long HR export does. */
const rowCount = 40_000;

/** What the screen showed at one moment of the import. */
interface Sample {
  /** The progress bar's value and maximum; null once it is gone. */
  readonly done: number | null;
  readonly total: number | null;
  readonly status: string;
  /** Recipient rows the grid shows (its header aside). */
  readonly gridRows: number;
}

test('a big import shows a progress bar with moving counts and rows in the grid before it ends', async ({
  app,
}) => {
  test.slow();
  await app.getByRole('textbox', { name: 'New draft name' }).fill('Big import');
  await app.getByRole('button', { name: 'New draft', exact: true }).click();
  await app.getByLabel('Default product').selectOption({ label: 'Northwind Coffee eGift Card' });
  await app.getByTestId('import-file-input').setInputFiles({
    name: 'hr-40k.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(generateRecipientsCsv(rowCount)),
  });
  const dialog = app.getByRole('dialog', { name: 'Map the columns of hr-40k.csv' });
  await expect(dialog).toBeVisible({ timeout: 60_000 });

  // Everything the screen shows from here on, change by change: a mutation observer sees each state
  // React renders, however fast the parts go.
  await app.evaluate(() => {
    const samples: Sample[] = [];
    (window as unknown as { importSamples: Sample[] }).importSamples = samples;
    new MutationObserver(() => {
      const bar = document.querySelector<HTMLProgressElement>('[data-testid="import-progress"] progress');
      samples.push({
        done: bar === null ? null : bar.value,
        total: bar === null ? null : bar.max,
        status: document.querySelector('[data-testid="import-progress"]')?.textContent ?? '',
        gridRows: document.querySelectorAll(
          '[role="grid"][aria-label="Recipients"] [role="row"]:not([aria-rowindex="1"])',
        ).length,
      });
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await dialog.getByRole('button', { name: `Import ${rowCount.toLocaleString('en-US')} rows` }).click();
  await expect(app.getByTestId('problem-counter')).toContainText(`${rowCount.toLocaleString('en-US')} rows`, {
    timeout: 60_000,
  });
  await expect(app.getByTestId('import-progress')).toBeHidden();

  const samples = await app.evaluate(() => (window as unknown as { importSamples: Sample[] }).importSamples);
  const during = samples.filter((sample) => sample.done !== null);
  // The bar counts towards the file's rows, in steps that only go forward.
  expect(new Set(during.map((sample) => sample.total))).toEqual(new Set([rowCount]));
  const counts = [...new Set(during.map((sample) => sample.done))];
  expect(counts.length).toBeGreaterThanOrEqual(3);
  expect(counts).toEqual(counts.toSorted((a, b) => (a ?? 0) - (b ?? 0)));
  expect(during.map((sample) => sample.status)).toContainEqual(
    expect.stringMatching(/^Importing [1-9][\d,]* of 40,000 rows$/),
  );
  // Rows were in the grid while the rest were still coming.
  expect(during.some((sample) => sample.gridRows > 0 && (sample.done ?? rowCount) < rowCount)).toBe(true);
  // …and the last part brought the count to the whole file.
  expect(Math.max(...during.map((sample) => sample.done ?? 0))).toBe(rowCount);
  await expect(app.getByRole('grid', { name: 'Recipients' }).getByRole('row').nth(1)).toBeVisible();
});
