import { stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ledgerVerificationSchema } from '../../common/contract/ledger.ts';
import { writeFixtureLedger, writeFixtureManifest } from '../support/ledger-fixture.ts';
import { openLedger } from '../../main/ledger/open-ledger.ts';
import { killStartedClis, runCli } from '../fixtures/cli/run-cli.ts';
import { createTempDir, type TempDir } from '../support/temp-dir.ts';

let dir: TempDir;
let manifest: string;
beforeEach(async () => {
  dir = await createTempDir('giftbatch-cli-verify-');
  const db = openLedger(dir.path);
  writeFixtureLedger(db);
  manifest = await writeFixtureManifest(db, dir.path, 'audit');
  db.close();
});
afterEach(async () => {
  killStartedClis();
  await dir.remove();
});

/** Each run starts a Node process: several of them outlast the default 5 s on a busy machine. */
const cli = (args: readonly string[]) => runCli(args, { GIFTBATCH_DATA_DIR: dir.path });

describe('giftbatch verify, backup and restore', () => {
  it('exits 0 for an intact ledger and a matching export, 1 naming the first bad row, 4 for an unreadable manifest', async () => {
    const intact = await cli(['verify', '--manifest', manifest]);
    expect(intact.stdout).toMatch(/^The ledger is intact: \d+ events, 1 batches, 5 rows/);
    expect(intact.stdout).toContain('audit.manifest.json matches the ledger');
    expect(intact.code).toBe(0);

    const missing = await cli(['verify', '--manifest', path.join(dir.path, 'gone.manifest.json')]);
    expect(missing.code).toBe(4);

    const db = openLedger(dir.path);
    db.prepare('UPDATE batch_rows SET amount_cents = 1 WHERE row_no = 5').run();
    db.close();
    const broken = await cli(['verify']);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('field amount_cents: expected 2500, found 1');
    const json = await cli(['verify', '--json']);
    expect(json.code).toBe(1);
    const result = ledgerVerificationSchema.parse(JSON.parse(json.stdout));
    expect(result.problems[0]).toMatchObject({ check: 'tables', rowNo: 5, field: 'amount_cents' });

    expect((await cli(['verify', '--bogus'])).code).toBe(4);
  }, 60_000);

  it('backs up to a new 0600 file, never over one, and restores it', async () => {
    const file = path.join(dir.path, 'copy.sqlite');
    const backup = await cli(['backup', file]);
    expect(backup.code).toBe(0);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await cli(['backup', file])).code).toBe(4);

    const restored = await cli(['restore', file]);
    expect(restored.stdout).toMatch(/^Restored the ledger/);
    expect(restored.code).toBe(0);
    const aside = z.string().parse(/ledger it replaced is in (.+)\.\n$/.exec(restored.stdout)?.[1]);
    expect(path.dirname(aside)).toBe(dir.path);
    expect((await cli(['restore', manifest])).code).toBe(1);
    expect((await cli(['restore', path.join(dir.path, 'none.sqlite')])).code).toBe(4);
  }, 60_000);
});
