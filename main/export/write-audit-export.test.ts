import Papa from 'papaparse';
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditManifestSchema, type AuditReport, type AuditRow } from '../../common/contract/audit.ts';
import { publishedAuditColumns } from '../../test/fixtures/audit/published-audit-columns.ts';
import { createTempDir, type TempDir } from '../../test/support/temp-dir.ts';
import { sampleBatch, sampleRow } from './audit-report-fixture.ts';
import { recordsPerChunk } from './csv-file.ts';
import { auditExportPaths } from './export-paths.ts';
import { writeAuditExport, type AuditExportRequest } from './write-audit-export.ts';

let dir: TempDir;
beforeEach(async () => {
  dir = await createTempDir('giftbatch-audit-export-');
});
afterEach(async () => {
  await dir.remove();
});

const head = { seq: 42, hash: 'ab'.repeat(32) };

const request = (report: AuditReport, overrides: Partial<AuditExportRequest> = {}): AuditExportRequest => ({
  csvPath: path.join(dir.path, 'audit.csv'),
  report,
  filter: { batches: ['ABCDEFGH'], status: null },
  exportedBy: { user: 'sam', host: 'finance-pc' },
  appVersion: '0.1.0',
  ledgerHead: head,
  now: () => new Date('2026-12-02T03:30:00.000Z'),
  ...overrides,
});

const exported = async (report: AuditReport, overrides: Partial<AuditExportRequest> = {}) => {
  const result = await writeAuditExport(request(report, overrides));
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

/** The file as a spreadsheet reads it: BOM dropped by the decoder, then parsed as CSV. */
const readCsv = async (filePath: string): Promise<string[][]> =>
  Papa.parse<string[]>(new TextDecoder().decode(await readFile(filePath)), { skipEmptyLines: true }).data;

describe('writeAuditExport', () => {
  it('writes UTF-8 with a BOM and CRLF after every line, the last one too', async () => {
    const { csv } = await exported({ batches: [sampleBatch([sampleRow(), sampleRow({ rowNo: 2 })])] });
    const bytes = await readFile(csv.path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.match(/\r\n/g)).toHaveLength(3);
    expect(text.match(/\n/g)).toHaveLength(3);
  });

  it('reads back field by field: batch facts, money from cents, UTC times with an offset, kept-aside union', async () => {
    const first = sampleBatch(
      [
        sampleRow({ keptAside: { 'Employee ID': 'E-1', Department: 'Sales' } }),
        sampleRow({
          rowNo: 2,
          firstName: 'Zoë',
          lastName: 'Ørsted, Jr.',
          email: '',
          sms: '',
          faceValueCents: 123456,
          quantity: 3,
          costCents: 5,
          orderId: null,
          status: 'failed',
          statusAt: Date.UTC(2026, 11, 1, 8, 7, 30, 250),
          failureReason: 'The provider said "no"\nand gave no reason',
          attempts: 2,
          keptAside: { 'Employee ID': 'E-2' },
        }),
      ],
      { keptAsideHeaders: ['Employee ID', 'Department'] },
    );
    const second = sampleBatch(
      [sampleRow({ keptAside: { email: 'home@example.net', 'Cost centre': 'CC-9' } })],
      {
        batchId: 'JKLMNPQR',
        batchName: 'Spot awards',
        environment: 'production',
        operator: 'lee@ops-1',
        sentAt: null,
        finishedAt: null,
        keptAsideHeaders: ['email', 'Cost centre'],
      },
    );
    const { csv, manifest } = await exported({ batches: [first, second] });

    const batchA = [
      'ABCDEFGH',
      'December bonuses',
      'sandbox',
      'dana@hr-laptop',
      '2026-12-01T08:00:00.000+00:00',
      '2026-12-01T08:05:00.000+00:00',
      '2026-12-01T08:10:00.000+00:00',
    ];
    const fulfilled = [
      'E-000001',
      'Ana',
      'Okafor',
      'ana.okafor@example.com',
      '+12125550123',
      'DigitalDelivery',
      'NORTHWIND-COFFEE',
      'Northwind Coffee eGift Card',
      '25.00',
      '1',
      '24.38',
      'USD',
      'GB-ABCDEFGH-1',
      'ord_0001',
      'fulfilled',
      '2026-12-02T03:26:16.000+00:00',
      '',
      '1',
    ];
    expect(await readCsv(csv.path)).toEqual([
      [...publishedAuditColumns, 'Employee ID', 'Department', 'email (kept)', 'Cost centre'],
      [...batchA, '1', ...fulfilled, 'E-1', 'Sales', '', ''],
      [
        ...batchA,
        '2',
        'E-000001',
        'Zoë',
        'Ørsted, Jr.',
        '',
        '',
        'DigitalDelivery',
        'NORTHWIND-COFFEE',
        'Northwind Coffee eGift Card',
        '1234.56',
        '3',
        '0.05',
        'USD',
        'GB-ABCDEFGH-1',
        '',
        'failed',
        '2026-12-01T08:07:30.250+00:00',
        'The provider said "no"\nand gave no reason',
        '2',
        'E-2',
        '',
        '',
        '',
      ],
      [
        'JKLMNPQR',
        'Spot awards',
        'production',
        'lee@ops-1',
        '2026-12-01T08:00:00.000+00:00',
        '',
        '',
        '1',
        ...fulfilled,
        '',
        '',
        'home@example.net',
        'CC-9',
      ],
    ]);
    expect(manifest.rowCount).toBe(3);
  });

  it('neutralises every dangerous prefix in every column a report can put text or a sign in', async () => {
    type Inject = (value: string) => { batch?: Parameters<typeof sampleBatch>[1]; row?: Partial<AuditRow> };
    const textColumns: Record<string, Inject> = {
      batch_id: (value) => ({ batch: { batchId: value } }),
      batch_name: (value) => ({ batch: { batchName: value } }),
      environment: (value) => ({ batch: { environment: value } }),
      operator: (value) => ({ batch: { operator: value } }),
      reference: (value) => ({ row: { reference: value } }),
      first_name: (value) => ({ row: { firstName: value } }),
      last_name: (value) => ({ row: { lastName: value } }),
      email: (value) => ({ row: { email: value } }),
      sms: (value) => ({ row: { sms: value } }),
      product_id: (value) => ({ row: { productId: value } }),
      product_name: (value) => ({ row: { productName: value } }),
      currency: (value) => ({ row: { currencyCode: value } }),
      po_number: (value) => ({ row: { poNumber: value } }),
      order_id: (value) => ({ row: { orderId: value } }),
      failure_reason: (value) => ({ row: { failureReason: value } }),
      Notes: (value) => ({ row: { keptAside: { Notes: value } } }),
    };
    const cases = Object.entries(textColumns).flatMap(([column, inject]) =>
      ['=', '+', '-', '@', '\t', '\r'].map((prefix) => {
        const value = `${prefix}cmd|' /C calc'!A0`;
        return { column, expected: `'${value}`, ...inject(value) };
      }),
    );
    // Costs are never negative, but if one were, its sign would be neutralised like any other.
    const signed: { column: string; expected: string; row: Partial<AuditRow> }[] = [
      { column: 'row', expected: "'-1", row: { rowNo: -1 } },
      { column: 'face_value', expected: "'-25.00", row: { faceValueCents: -2500 } },
      { column: 'quantity', expected: "'-2", row: { quantity: -2 } },
      { column: 'cost', expected: "'-0.01", row: { costCents: -1 } },
      { column: 'attempts', expected: "'-3", row: { attempts: -3 } },
    ];
    const all = [...cases, ...signed];
    const batches = all.map((one) =>
      sampleBatch([sampleRow(one.row)], {
        keptAsideHeaders: ['Notes'],
        ...('batch' in one ? one.batch : {}),
      }),
    );
    const { csv } = await exported({ batches });
    const [header = [], ...records] = await readCsv(csv.path);
    expect(records).toHaveLength(all.length);
    for (const [index, one] of all.entries()) {
      const cell = records[index]?.[header.indexOf(one.column)];
      expect(cell, `${one.column} ${JSON.stringify(one.expected)}`).toBe(one.expected);
    }
  });

  it('neutralises a kept-aside header as it does any cell', async () => {
    const batch = sampleBatch([sampleRow({ keptAside: { '=HYPERLINK("http://evil.example")': 'x' } })], {
      keptAsideHeaders: ['=HYPERLINK("http://evil.example")'],
    });
    const { csv } = await exported({ batches: [batch] });
    const [header, record] = await readCsv(csv.path);
    expect(header?.[26]).toBe(`'=HYPERLINK("http://evil.example")`);
    expect(record?.[26]).toBe('x');
  });

  it('totals the summary by status, product and currency, never adding two currencies', async () => {
    const rows = [
      sampleRow({ status: 'fulfilled', faceValueCents: 2500, quantity: 2, costCents: 4876 }),
      sampleRow({ status: 'failed', faceValueCents: 1000, costCents: 0 }),
      sampleRow({ status: 'fulfilled', productId: 'TEAHOUSE', faceValueCents: 5000, costCents: 4875 }),
      sampleRow({ status: 'queued', currencyCode: 'EUR', productId: 'TEAHOUSE-EU', costCents: 2500 }),
    ];
    const { summary } = await exported({ batches: [sampleBatch(rows)] });
    expect(await readCsv(summary.path)).toEqual([
      ['totals_by', 'key', 'currency', 'rows', 'cards', 'face_value', 'cost'],
      ['status', 'queued', 'EUR', '1', '1', '25.00', '25.00'],
      ['status', 'fulfilled', 'USD', '2', '3', '100.00', '97.51'],
      ['status', 'failed', 'USD', '1', '1', '10.00', '0.00'],
      ['product', 'NORTHWIND-COFFEE', 'USD', '2', '3', '60.00', '48.76'],
      ['product', 'TEAHOUSE', 'USD', '1', '1', '50.00', '48.75'],
      ['product', 'TEAHOUSE-EU', 'EUR', '1', '1', '25.00', '25.00'],
      ['currency', 'USD', 'USD', '3', '4', '110.00', '97.51'],
      ['currency', 'EUR', 'EUR', '1', '1', '25.00', '25.00'],
    ]);
    expect((await readFile(summary.path)).subarray(0, 3).toString('hex')).toBe('efbbbf');
  });

  it('writes a manifest whose hashes are those of the exact bytes on disk', async () => {
    const written = await exported({ batches: [sampleBatch([sampleRow(), sampleRow({ rowNo: 2 })])] });
    const paths = auditExportPaths(path.join(dir.path, 'audit.csv'));
    expect(written.manifestPath).toBe(path.join(dir.path, 'audit.manifest.json'));
    const manifest = auditManifestSchema.parse(JSON.parse(await readFile(paths.manifest, 'utf8')));
    const sha256 = async (file: string) =>
      createHash('sha256')
        .update(await readFile(file))
        .digest('hex');
    expect(manifest).toEqual({
      format: 'giftbatch-audit-export',
      formatVersion: 1,
      csv: { file: 'audit.csv', sha256: await sha256(paths.csv), bytes: (await readFile(paths.csv)).length },
      summary: {
        file: 'audit.summary.csv',
        sha256: await sha256(paths.summary),
        bytes: (await readFile(paths.summary)).length,
      },
      rowCount: 2,
      filter: { batches: ['ABCDEFGH'], status: null },
      exportedAt: '2026-12-02T03:30:00.000+00:00',
      exportedBy: { user: 'sam', host: 'finance-pc' },
      appVersion: '0.1.0',
      ledgerHead: head,
    });
    expect(written.manifest).toEqual(manifest);
  });

  it('streams rows across chunk boundaries from an iterable read once', async () => {
    const count = recordsPerChunk * 2 + 7;
    let reads = 0;
    function* rows(): Generator<AuditRow> {
      reads += 1;
      for (let rowNo = 1; rowNo <= count; rowNo += 1) yield sampleRow({ rowNo });
    }
    const { csv, manifest } = await exported({ batches: [{ ...sampleBatch([]), rows: rows() }] });
    const records = (await readCsv(csv.path)).slice(1);
    expect(reads).toBe(1);
    expect(manifest.rowCount).toBe(count);
    expect(records.map((record) => record[7])).toEqual(
      Array.from({ length: count }, (_, index) => String(index + 1)),
    );
  });

  it('writes only a header for an empty report', async () => {
    const { csv, manifest } = await exported({ batches: [] });
    expect(await readCsv(csv.path)).toHaveLength(1);
    expect(manifest.rowCount).toBe(0);
  });

  it('replaces files of the same names and leaves nothing else in the folder', async () => {
    await writeFile(path.join(dir.path, 'audit.csv'), 'old');
    await exported({ batches: [sampleBatch([sampleRow()])] });
    expect((await readdir(dir.path)).sort()).toEqual([
      'audit.csv',
      'audit.manifest.json',
      'audit.summary.csv',
    ]);
    expect((await readCsv(path.join(dir.path, 'audit.csv')))[1]?.[0]).toBe('ABCDEFGH');
  });

  it('refuses a malformed ledger head, a bug in the caller, before writing anything', async () => {
    const malformed = request(
      { batches: [sampleBatch([sampleRow()])] },
      { ledgerHead: { seq: 1, hash: 'abc' } },
    );
    await expect(writeAuditExport(malformed)).rejects.toThrow();
    expect(await readdir(dir.path)).toEqual([]);
  });

  it('answers a folder that does not exist with a failure naming it, and writes nothing', async () => {
    const missing = path.join(dir.path, 'no-such-folder');
    const result = await writeAuditExport(
      request({ batches: [sampleBatch([sampleRow()])] }, { csvPath: path.join(missing, 'audit.csv') }),
    );
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'export_unwritable',
        message: `Could not write audit.csv in ${missing}: the folder does not exist (ENOENT).`,
        path: path.join(missing, 'audit.csv'),
      },
    });
    expect(await readdir(dir.path)).toEqual([]);
  });
});

describe('auditExportPaths', () => {
  it('puts the summary and manifest beside the CSV, named after it', () => {
    expect(auditExportPaths('/reports/audit.csv')).toEqual({
      csv: '/reports/audit.csv',
      summary: '/reports/audit.summary.csv',
      manifest: '/reports/audit.manifest.json',
    });
    expect(auditExportPaths('/reports/December.CSV').summary).toBe('/reports/December.summary.csv');
    expect(auditExportPaths('/reports/audit').manifest).toBe('/reports/audit.manifest.json');
  });
});
