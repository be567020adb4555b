import { createHash } from 'node:crypto';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { hostname, userInfo } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import Papa from 'papaparse';
import { z } from 'zod';
import { auditManifestSchema } from '../../common/contract/audit.ts';
import { createTempDir } from '../support/temp-dir.ts';
import type { TestServices } from '../support/test-services.ts';
import { composeAndSend } from './compose-and-send.ts';
import { expect, screenshotDir, test } from './fixtures.ts';

/** Written out by hand, in the order, so a reordered writer cannot agree with itself. */
const auditHeader =
  'batch_id,batch_name,environment,operator,created_at,sent_at,finished_at,row,reference,first_name,' +
  'last_name,email,sms,delivery_type,product_id,product_name,face_value,quantity,cost,currency,po_number,' +
  'order_id,status,status_at,failure_reason,attempts';
const isoWithOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?(Z|[+-]\d{2}:\d{2})$/;

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A CSV as the export writes it: UTF-8 with a BOM, CRLF line ends; returns its records as objects. */
const readExportedCsv = async (file: string) => {
  const bytes = await readFile(file);
  expect([...bytes.subarray(0, 3)], `${file} starts with a UTF-8 BOM`).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  expect(text.replaceAll('\r\n', ''), `${file} has CRLF line ends only`).not.toMatch(/[\r\n]/);
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return { bytes, headerLine: text.slice(0, text.indexOf('\r\n')), records: parsed.data };
};

const sandboxOrdersSchema = z.array(
  z.object({
    Id: z.string(),
    PONumber: z.string(),
    LineItems: z.array(
      z.object({
        ClaimData: z.array(
          z.object({ ClaimLink: z.string(), ClaimLinkChallengeAnswer: z.string().nullable() }),
        ),
      }),
    ),
  }),
);

/** The sandbox's own record of a batch's orders, by PO number, read over its admin route. */
const sandboxOrders = async (services: TestServices, batchId: string) => {
  const connection = await services.handlers['connection:get-state'](undefined);
  if (!connection.ok || connection.value.baseUrl === null) throw new Error('The sandbox has no URL.');
  const orders = sandboxOrdersSchema.parse(
    await (await fetch(`${connection.value.baseUrl}/_sim/orders`)).json(),
  );
  return orders.filter((order) => order.PONumber.startsWith(`GB-${batchId}-`));
};

/** The screens scroll inside the window, so a full-page shot shows only what is scrolled into view. */
const showWhole = (region: Locator) =>
  region.evaluate((element) => {
    element.scrollIntoView({ block: 'end' });
  });

const shoot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(screenshotDir, `audit-${name}.png`), fullPage: true });

test('a sent batch’s audit report is written and checked, the ledger verifies against its manifest, and the provider agrees', async ({
  app,
  services,
  dataDir,
}) => {
  test.setTimeout(90_000);
  const people = [
    ['Ada', 'Audit', 'ada@example.com', '', '', '', '', '', 'E-101'],
    ['Bea', 'Audit', 'bea@example.com', '', '', '', '', '', 'E-102'],
    ['Cy', 'Audit', 'cy@example.com', '', '', '', '', '', 'E-103'],
  ] as const;
  const batchId = await composeAndSend(app, { name: 'Audit thanks', delivery: 'Email / SMS', rows: people });
  await shoot(app, 'batch-view');

  // Export: the suggested file in the data folder's exports/.
  await app.getByRole('button', { name: 'Export audit report…' }).click();
  const exporting = app.getByRole('dialog', { name: 'Export audit report' });
  const csvField = exporting.getByRole('textbox', { name: 'CSV file' });
  await expect(csvField).toHaveValue(new RegExp(`/exports/audit-${batchId}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const csvPath = await csvField.inputValue();
  expect(path.dirname(csvPath)).toBe(path.join(dataDir.path, 'exports'));
  await exporting.getByRole('button', { name: 'Export' }).click();
  await expect(exporting.getByRole('status')).toContainText('Wrote 3 rows');
  await shoot(app, 'export-done');

  const csv = await readExportedCsv(csvPath);
  expect(csv.headerLine).toBe(auditHeader);
  expect(csv.records).toHaveLength(people.length);
  const operator = `${userInfo().username}@${hostname()}`;
  for (const [index, [first, last, email, , , , , , reference]] of people.entries()) {
    const record = csv.records[index];
    expect(record).toMatchObject({
      batch_id: batchId,
      batch_name: 'Audit thanks',
      environment: 'sandbox',
      operator,
      row: String(index + 1),
      reference,
      first_name: first,
      last_name: last,
      email,
      sms: '',
      delivery_type: 'DigitalDelivery',
      product_id: 'NORTHWIND-COFFEE',
      product_name: 'Northwind Coffee eGift Card',
      // $25.00 less Northwind's 2.5 % discount, rounded half up: $24.38 (main/sandbox/catalog-seed.ts).
      face_value: '25.00',
      quantity: '1',
      cost: '24.38',
      currency: 'USD',
      po_number: `GB-${batchId}-000${String(index + 1)}`,
      status: 'fulfilled',
      failure_reason: '',
      attempts: '1',
    });
    for (const moment of ['created_at', 'sent_at', 'finished_at', 'status_at']) {
      expect(record?.[moment], moment).toMatch(isoWithOffset);
    }
  }
  const orderIds = new Map(
    (await sandboxOrders(services, batchId)).map((order) => [order.PONumber, order.Id]),
  );
  expect(csv.records.map((record) => record.order_id)).toEqual(
    csv.records.map((record) => orderIds.get(record.po_number ?? '')),
  );

  const manifestPath = csvPath.replace(/\.csv$/, '.manifest.json');
  const summaryPath = csvPath.replace(/\.csv$/, '.summary.csv');
  await expect(exporting.getByRole('status')).toContainText(manifestPath);
  const manifest = auditManifestSchema.parse(JSON.parse(await readFile(manifestPath, 'utf8')));
  expect(manifest.csv).toEqual({
    file: path.basename(csvPath),
    sha256: sha256(csv.bytes),
    bytes: csv.bytes.length,
  });
  const summary = await readExportedCsv(summaryPath);
  expect(manifest.summary.sha256).toBe(sha256(summary.bytes));
  expect(manifest.rowCount).toBe(people.length);
  expect(manifest.ledgerHead.seq).toBeGreaterThan(0);
  await exporting.getByRole('button', { name: 'Close' }).click();

  // Reconcile: every order the ledger holds is at the provider as recorded, and nothing else is.
  await app.getByRole('button', { name: 'Reconcile with provider' }).click();
  const reconcile = app.getByRole('dialog', { name: 'Reconcile with provider' });
  await expect(reconcile.getByRole('status')).toHaveText(
    '3 rows match · 0 differ · 0 missing at the provider · 0 provider orders unknown to the ledger',
    { timeout: 15_000 },
  );
  await shoot(app, 'reconcile');
  await reconcile.getByRole('button', { name: 'Close' }).click();

  // Settings → Ledger: intact on its own, and against the export's manifest.
  await app
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('button', { name: /^Settings/ })
    .click();
  const ledger = app.getByRole('region', { name: 'Ledger' });
  await ledger.getByRole('button', { name: 'Verify ledger' }).click();
  const notice = ledger.getByTestId('ledger-notice');
  await expect(notice).toHaveText(/^The ledger is intact: [\d,]+ events, 1 batch and 3 rows checked\.$/);
  await ledger.getByRole('textbox', { name: 'Audit export manifest (optional)' }).fill(manifestPath);
  await ledger.getByRole('button', { name: 'Verify ledger' }).click();
  await expect(notice).toHaveText(
    /^The ledger is intact: [\d,]+ events, 1 batch and 3 rows checked\. 1 export matched the ledger\.$/,
  );
  await showWhole(ledger);
  await shoot(app, 'verify');

  // The manifest is the anchor outside the ledger: an export edited after the fact no longer matches it.
  await writeFile(csvPath, csv.bytes.toString('utf8').replace(',24.38,', ',24.83,'));
  await ledger.getByRole('button', { name: 'Verify ledger' }).click();
  // The ledger itself still checks out: only the export is named.
  await expect(notice).toContainText('The ledger checks out on its own, but an export does not match it');
  await expect(notice).toContainText(
    `For the export ${path.basename(manifestPath)}: ${path.basename(csvPath)} was changed after the export`,
  );
  await showWhole(ledger);
  await shoot(app, 'verify-edited-export');
});

test('a Links batch reveals one row’s links after a confirmation and exports the sandbox’s links to a private file', async ({
  app,
  services,
  dataDir,
}) => {
  test.setTimeout(90_000);
  const outside = await createTempDir('giftbatch-e2e-links-');
  try {
    // Links grid from First name: last name, product, amount, quantity, message, reference.
    const batchId = await composeAndSend(app, {
      name: 'Links for the team',
      delivery: 'Claim links',
      rows: [
        ['Ana', 'Links', '', '', '', '', 'E-201'],
        ['Bo', 'Links', '', '', '2', '', 'E-202'],
      ],
    });
    const orders = await sandboxOrders(services, batchId);
    const sandboxLinks = orders.flatMap((order) =>
      order.LineItems.flatMap((line) =>
        line.ClaimData.map((claim) => ({
          po_number: order.PONumber,
          order_id: order.Id,
          claim_link: claim.ClaimLink,
          challenge_answer: claim.ClaimLinkChallengeAnswer ?? '',
        })),
      ),
    );
    expect(sandboxLinks).toHaveLength(3);
    await shoot(app, 'links-batch');

    // Reveal: nothing shown until confirmed; then row 2's two links, exactly the sandbox's.
    await app.getByRole('button', { name: 'Reveal the claim links of row 2' }).click();
    const reveal = app.getByRole('dialog', { name: 'Claim links of row 2' });
    await expect(reveal).toContainText('as good as cash');
    await expect(reveal.getByRole('list', { name: 'Claim links' })).toHaveCount(0);
    await shoot(app, 'reveal-confirm');
    await reveal.getByRole('button', { name: 'Yes, reveal the links' }).click();
    const shown = reveal.getByRole('list', { name: 'Claim links' }).locator('code.record-dialog__link');
    await expect(shown).toHaveCount(2);
    expect((await shown.allInnerTexts()).sort()).toEqual(
      sandboxLinks
        .filter((link) => link.po_number === `GB-${batchId}-0002`)
        .map((link) => link.claim_link)
        .sort(),
    );
    await shoot(app, 'reveal-shown');
    await reveal.getByRole('button', { name: 'Hide and close' }).click();
    await expect(reveal).toHaveCount(0);

    // Export: the warning must be accepted first; the file is the owner's only.
    await app.getByRole('button', { name: 'Export claim links…' }).click();
    const exporting = app.getByRole('dialog', { name: 'Export claim links' });
    const write = exporting.getByRole('button', { name: 'Write the links file' });
    const linksPath = path.join(outside.path, 'links.csv');
    await exporting.getByRole('textbox', { name: 'CSV file' }).fill(linksPath);
    await expect(write).toBeDisabled();
    await shoot(app, 'links-export-warning');
    await exporting.getByRole('checkbox', { name: 'I understand the file is as good as cash' }).check();
    await write.click();
    await expect(exporting.getByRole('status')).toHaveText(`Wrote 3 claim links to ${linksPath}.`);
    await shoot(app, 'links-export-done');
    expect((await stat(linksPath)).mode & 0o777).toBe(0o600);

    const exported = await readExportedCsv(linksPath);
    expect(exported.headerLine).toBe('recipient,reference,po_number,order_id,claim_link,challenge_answer');
    const byLink = (a: { claim_link?: string }, b: { claim_link?: string }) =>
      (a.claim_link ?? '').localeCompare(b.claim_link ?? '');
    expect(
      exported.records
        .map(({ po_number, order_id, claim_link, challenge_answer }) => ({
          po_number,
          order_id,
          claim_link,
          challenge_answer,
        }))
        .sort(byLink),
    ).toEqual([...sandboxLinks].sort(byLink));
    expect(exported.records.map((record) => [record.recipient, record.reference])).toEqual([
      ['Ana Links', 'E-201'],
      ['Bo Links', 'E-202'],
      ['Bo Links', 'E-202'],
    ]);

    // The links were fetched on demand: no file the app keeps holds one.
    const entries = await readdir(dataDir.path, { withFileTypes: true, recursive: true });
    for (const entry of entries.filter((each) => each.isFile())) {
      const bytes = await readFile(path.join(entry.parentPath, entry.name));
      for (const { claim_link } of sandboxLinks) {
        expect(bytes.includes(claim_link), `${claim_link} in ${entry.name}`).toBe(false);
      }
    }
  } finally {
    await outside.remove();
  }
});
