import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { reconcileReportSchema } from '../../common/contract/audit-actions.ts';
import { openLedger } from '../../main/ledger/open-ledger.ts';
import { killStartedClis, lastJsonLine, runCli, sendArgsFor } from '../fixtures/cli/run-cli.ts';
import { startSandboxWithClient, type SandboxUnderTest } from '../support/start-sandbox.ts';
import { createTempDir, type TempDir } from '../support/temp-dir.ts';

let dir: TempDir;
let sandbox: SandboxUnderTest;
let dataDir: string;

beforeEach(async () => {
  dir = await createTempDir('giftbatch-cli-audit-');
  dataDir = path.join(dir.path, 'data');
  sandbox = await startSandboxWithClient();
});
afterEach(async () => {
  killStartedClis();
  await sandbox.close();
  await dir.remove();
});

const sentJson = z.object({ batchId: z.string(), status: z.string() });

/** Sends `rows` (CSV lines after the header) through the real CLI to the test sandbox; returns the batch id. */
const sendFile = async (header: string, rows: readonly string[], ...flags: string[]): Promise<string> => {
  const file = path.join(dir.path, `recipients-${String(Math.random()).slice(2)}.csv`);
  await writeFile(file, [header, ...rows, ''].join('\n'));
  const sent = await runCli(
    sendArgsFor('sandbox', file, sandbox.sandbox.url, '--data-dir', dataDir, '--yes', '--json', ...flags),
  );
  expect(sent.code, sent.stderr).toBe(0);
  return sentJson.parse(lastJsonLine(sent.stdout)).batchId;
};

const connection = () => ['--api-url', sandbox.sandbox.url, '--data-dir', dataDir];

/** `giftbatch export` of what `selection` names, to `out`. */
const exportTo = (out: string, ...selection: string[]) =>
  runCli(['export', ...selection, '--out', out, '--data-dir', dataDir]);

const filesUnder = async (folder: string): Promise<string[]> => {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
};

describe('giftbatch export', () => {
  it('writes the CSV, summary and manifest of a batch (exit 0), 1 when nothing matches, 4 on bad flags', async () => {
    // Department fills no field: kept aside with the batch and exported under its own header.
    const batchId = await sendFile('First Name,Last Name,Email,Amount,Department', [
      'Ana,One,ana@example.org,25,Finance',
      'Bo,Two,bo@example.org,25,Ops',
    ]);
    const out = path.join(dir.path, 'audit.csv');
    const written = await runCli(['export', batchId, '--out', out, '--data-dir', dataDir, '--json']);
    expect(written.code, written.stderr).toBe(0);
    expect(JSON.parse(written.stdout)).toMatchObject({
      rows: 2,
      batches: 1,
      manifest: path.join(dir.path, 'audit.manifest.json'),
    });
    const text = await readFile(out, 'utf8');
    const rows = Papa.parse<Record<string, string>>(text.slice(1), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows.map((row) => [row.batch_id, row.email, row.status, row.face_value, row.Department])).toEqual([
      [batchId, 'ana@example.org', 'fulfilled', '25.00', 'Finance'],
      [batchId, 'bo@example.org', 'fulfilled', '25.00', 'Ops'],
    ]);
    // Every recipient's name and contact: readable by the user only.
    expect((await stat(out)).mode & 0o777).toBe(0o600);
    expect((await stat(path.join(dir.path, 'audit.summary.csv'))).isFile()).toBe(true);

    const none = await exportTo(out, '--from', '2001-01-01', '--to', '2001-01-31');
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('No batch was created from 2001-01-01 to 2001-01-31');
    const unknown = await exportTo(out, 'ZZZZZZZZ');
    expect(unknown.code).toBe(1);
    const both = await exportTo(out, batchId, '--from', '2001-01-01', '--to', '2001-01-02');
    expect(both.code).toBe(4);
    const badDate = await exportTo(out, '--from', '2001-02-30', '--to', '2001-03-01');
    expect(badDate.code).toBe(4);
    const unwritable = await exportTo(path.join(dir.path, 'no-such-folder', 'a.csv'), batchId);
    expect(unwritable.code).toBe(4);
    expect(unwritable.stderr).toContain('the folder does not exist');
  }, 60_000);
});

describe('giftbatch reconcile', () => {
  it('agrees with the provider (exit 0), then finds a swapped order id and an order unknown to the ledger (exit 2)', async () => {
    const batchId = await sendFile('First Name,Last Name,Email,Amount', [
      'Ana,One,ana@example.org,25',
      'Bo,Two,bo@example.org,25',
      'Cy,Three,cy@example.org,25',
    ]);
    const agreed = await runCli(['reconcile', batchId, ...connection(), '--json']);
    expect(agreed.code, agreed.stderr).toBe(0);
    expect(reconcileReportSchema.parse(JSON.parse(agreed.stdout))).toMatchObject({
      matched: 3,
      differing: 0,
      missingAtProvider: 0,
      unknownToLedger: 0,
    });
    expect(agreed.stderr).toContain('Checked 3 of 3 rows');

    // Someone edits the ledger around the app: rows 1 and 2 now claim each other's orders.
    const ledger = openLedger(dataDir);
    const ids = ledger
      .prepare<[string], { order_id: string }>(
        'SELECT order_id FROM batch_rows WHERE batch_id = ? ORDER BY row_no',
      )
      .all(batchId);
    ledger
      .prepare('UPDATE batch_rows SET order_id = ? WHERE batch_id = ? AND row_no = ?')
      .run(ids[1]?.order_id, batchId, 1);
    ledger
      .prepare('UPDATE batch_rows SET order_id = ? WHERE batch_id = ? AND row_no = ?')
      .run(ids[0]?.order_id, batchId, 2);
    ledger.close();
    // And an order under this batch's prefix reaches the provider without going through the ledger.
    const stray = await sandbox.client.createOrder({
      type: 'DigitalDelivery',
      poNumber: `GB-${batchId}-0099`,
      lines: [
        {
          productId: 'NORTHWIND-COFFEE',
          valueCents: 2500,
          quantity: 1,
          digitalDeliveryAddress: { email: 'x@example.org' },
        },
      ],
    });
    if (!stray.ok) throw new Error(stray.error.message);

    const differs = await runCli(['reconcile', batchId, ...connection(), '--json']);
    expect(differs.code).toBe(2);
    const report = reconcileReportSchema.parse(JSON.parse(differs.stdout));
    expect(report).toMatchObject({ matched: 1, differing: 2, missingAtProvider: 0, unknownToLedger: 1 });
    expect(report.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'differs',
          rowNo: 1,
          field: 'po_number',
          ledger: `GB-${batchId}-0001`,
          provider: `GB-${batchId}-0002`,
        }),
        expect.objectContaining({
          kind: 'differs',
          rowNo: 2,
          field: 'po_number',
          ledger: `GB-${batchId}-0002`,
          provider: `GB-${batchId}-0001`,
        }),
        { kind: 'unknown_to_ledger', poNumber: `GB-${batchId}-0099`, orderId: stray.value.order.id },
      ]),
    );
    const text = await runCli(['reconcile', '--all', ...connection()]);
    expect(text.code).toBe(2);
    expect(text.stdout).toContain(`unknown   GB-${batchId}-0099`);
    expect((await runCli(['reconcile', batchId, '--all', ...connection()])).code).toBe(4);
    expect((await runCli(['reconcile', 'ZZZZZZZZ', ...connection()])).code).toBe(4);
  }, 60_000);
});

describe('giftbatch links', () => {
  it('writes the claim links fetched from the provider to a 0600 file; no link is left in the data folder', async () => {
    const batchId = await sendFile(
      'First Name,Last Name,Reference,Amount,Quantity',
      ['Ana,One,E-1,25,2', 'Bo,Two,E-2,25,1'],
      '--type',
      'Links',
    );
    const out = path.join(dir.path, 'links.csv');

    const unconfirmed = await runCli(['links', batchId, '--out', out, ...connection()]);
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.stderr).toContain('as good as cash');
    await expect(stat(out)).rejects.toThrow();
    const inside = await runCli([
      'links',
      batchId,
      '--out',
      path.join(dataDir, 'links.csv'),
      '--yes',
      ...connection(),
    ]);
    expect(inside.code).toBe(4);
    expect(inside.stderr).toContain('outside the GiftBatch data folder');

    const written = await runCli(['links', batchId, '--out', out, '--yes', '--json', ...connection()]);
    expect(written.code, written.stderr).toBe(0);
    expect(JSON.parse(written.stdout)).toEqual({ csv: out, links: 3, rowsWithoutLinks: 0 });
    expect((await stat(out)).mode & 0o777).toBe(0o600);

    const rows = Papa.parse<Record<string, string>>((await readFile(out, 'utf8')).slice(1), {
      header: true,
      skipEmptyLines: true,
    }).data;
    const fromProvider = [];
    for (const placed of await sandbox.orders()) {
      const order = await sandbox.client.getOrder(placed.id);
      if (!order.ok) throw new Error(order.error.message);
      for (const claim of order.value.lines.flatMap((line) => line.claims)) {
        fromProvider.push({
          po_number: placed.poNumber,
          order_id: placed.id,
          claim_link: claim.claimLink,
          challenge_answer: claim.challengeAnswer ?? '',
        });
      }
    }
    expect(
      rows
        .map(({ po_number, order_id, claim_link, challenge_answer }) => ({
          po_number,
          order_id,
          claim_link,
          challenge_answer,
        }))
        .sort((a, b) => (a.claim_link ?? '').localeCompare(b.claim_link ?? '')),
    ).toEqual(fromProvider.sort((a, b) => a.claim_link.localeCompare(b.claim_link)));
    expect(rows.map((row) => row.reference)).toEqual(['E-1', 'E-1', 'E-2']);
    for (const row of rows) {
      const page = await fetch(row.claim_link ?? '');
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Northwind Coffee');
    }

    const secrets = rows.flatMap((row) => [
      row.claim_link ?? '',
      new URL(row.claim_link ?? '').pathname.split('/').at(-1) ?? '',
    ]);
    for (const file of await filesUnder(dataDir)) {
      const bytes = await readFile(file);
      for (const secret of secrets) expect(bytes.includes(secret), `${secret} in ${file}`).toBe(false);
    }
    for (const secret of secrets) expect(written.stderr).not.toContain(secret);
  }, 60_000);
});
