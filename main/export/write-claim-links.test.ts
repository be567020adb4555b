import Papa from 'papaparse';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClaimLinkRow } from '../../common/contract/audit.ts';
import { createTempDir, type TempDir } from '../../test/support/temp-dir.ts';
import { writeClaimLinks } from './write-claim-links.ts';

let dir: TempDir;
beforeEach(async () => {
  dir = await createTempDir('giftbatch-claim-links-');
});
afterEach(async () => {
  await dir.remove();
});

const link = (overrides: Partial<ClaimLinkRow> = {}): ClaimLinkRow => ({
  recipient: 'Ana Okafor',
  reference: 'E-000001',
  poNumber: 'GB-ABCDEFGH-1',
  orderId: 'ord_0001',
  claimLink: 'https://claim.example/c/abc123',
  challengeAnswer: '4821',
  ...overrides,
});

describe('writeClaimLinks', () => {
  it('writes a file only its owner can read, replacing a readable one of the same name', async () => {
    const target = path.join(dir.path, 'links.csv');
    await writeFile(target, 'old', { mode: 0o644 });
    const result = await writeClaimLinks(target, [link()]);
    expect(result.ok).toBe(true);
    expect((await stat(target)).mode & 0o777).toBe(0o600);
  });

  it('writes BOM, CRLF and neutralised cells, E.164 numbers left usable', async () => {
    const target = path.join(dir.path, 'links.csv');
    const result = await writeClaimLinks(target, [
      link(),
      link({
        recipient: '+12125550123',
        reference: '=HYPERLINK("http://evil.example")',
        challengeAnswer: null,
      }),
      link({ recipient: '@SUM(1)', claimLink: '-1+1', challengeAnswer: '+1-2' }),
    ]);
    expect(result.ok && result.value.rowCount).toBe(3);
    const bytes = await readFile(target);
    expect(bytes.subarray(0, 3).toString('hex')).toBe('efbbbf');
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\r\n')).toHaveLength(5);
    expect(Papa.parse<string[]>(text, { skipEmptyLines: true }).data).toEqual([
      ['recipient', 'reference', 'po_number', 'order_id', 'claim_link', 'challenge_answer'],
      ['Ana Okafor', 'E-000001', 'GB-ABCDEFGH-1', 'ord_0001', 'https://claim.example/c/abc123', '4821'],
      [
        '+12125550123',
        `'=HYPERLINK("http://evil.example")`,
        'GB-ABCDEFGH-1',
        'ord_0001',
        'https://claim.example/c/abc123',
        '',
      ],
      ["'@SUM(1)", 'E-000001', 'GB-ABCDEFGH-1', 'ord_0001', "'-1+1", "'+1-2"],
    ]);
  });

  it('answers a folder it may not write in with a failure, not an exception', async () => {
    const result = await writeClaimLinks(path.join(dir.path, 'missing', 'links.csv'), [link()]);
    expect(!result.ok && result.error.code).toBe('export_unwritable');
  });
});
