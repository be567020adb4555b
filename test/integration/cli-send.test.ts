import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { sendCommand } from '../../main/cli/commands/send.ts';
import { demoCredentials } from '../../main/sandbox/demo-credentials.ts';
import type { SandboxOptions } from '../../main/sandbox/sandbox-options.ts';
import { writeRecipientsFile } from '../fixtures/cli/recipients-file.ts';
import {
  killStartedClis,
  lastJsonLine,
  runCli,
  sendArgsFor,
  startCli,
  type CliProcess,
} from '../fixtures/cli/run-cli.ts';
import { failSentRowInLedger } from '../support/row-outcomes.ts';
import { startSandboxWithClient, type SandboxUnderTest } from '../support/start-sandbox.ts';
import { createTempDir, type TempDir } from '../support/temp-dir.ts';

const batchJsonSchema = z.strictObject({
  batchId: z.string().regex(/^[0-9A-Z]{8}$/),
  status: z.string(),
  rows: z.number(),
  fulfilled: z.number(),
  failed: z.number(),
  pending: z.number(),
  needsReview: z.number(),
  totalCost: z.string(),
  chargedCost: z.string(),
  chargedUnknownCost: z.string(),
  chargedUnknownRows: z.number(),
  currency: z.string(),
});

let dir: TempDir;
let sandbox: SandboxUnderTest | undefined;

beforeEach(async () => {
  dir = await createTempDir('giftbatch-cli-send-');
});
afterEach(async () => {
  killStartedClis();
  await sandbox?.close();
  sandbox = undefined;
  await dir.remove();
});

const startTestSandbox = async (options: SandboxOptions = {}): Promise<SandboxUnderTest> => {
  sandbox = await startSandboxWithClient(options);
  return sandbox;
};

const recipientsFile = (count: number, name?: string): Promise<string> =>
  writeRecipientsFile(dir.path, count, name);

const poNumbers = (batchId: string, count: number): string[] =>
  Array.from({ length: count }, (_, index) => `GB-${batchId}-${String(index + 1).padStart(4, '0')}`);

const dataDir = () => ({ GIFTBATCH_DATA_DIR: dir.path });
const sendArgs = (file: string, url: string, ...more: string[]) => sendArgsFor('sandbox', file, url, ...more);

const fund = async (url: string, amount: number) => {
  await fetch(`${url}/_sim/funding`, { method: 'POST', body: JSON.stringify({ amount }) });
  await fetch(`${url}/_sim/funding/apply`, { method: 'POST' });
};

/** `send` of 20 rows, one at a time to a slow sandbox, caught once the first rows are fulfilled. */
const sendingTwentySlowly = async () => {
  const started = await startTestSandbox({ faults: { latencyMs: 150 } });
  const file = await recipientsFile(20);
  const cli = startCli(sendArgs(file, started.sandbox.url, '--yes', '--concurrency', '1'), dataDir());
  const deadline = Date.now() + 20_000;
  while (!/ [1-9]\d* fulfilled/.test(cli.stdout()) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { started, cli };
};

/** Kills a running CLI as a crash would; then the first batch `batches --json` lists. */
const killAndList = async (cli: CliProcess) => {
  cli.child.kill('SIGKILL');
  await cli.exited;
  const [listed] = z
    .array(batchJsonSchema)
    .parse(JSON.parse((await runCli(['batches', '--json'], dataDir())).stdout));
  return listed;
};

describe('giftbatch send', () => {
  it('sends 20 rows to a running sandbox: one order per row under GB-<batch>-NNNN, exit 0', async () => {
    const started = await startTestSandbox();
    const running = started.sandbox;
    const file = await recipientsFile(20);
    const result = await runCli(sendArgs(file, running.url, '--yes', '--json'), dataDir());
    expect(result.stderr).toContain('Total cost $487.60');
    expect(result.code).toBe(0);
    // With --json, stdout holds the result alone; the review and progress went to stderr.
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
    const outcome = batchJsonSchema.parse(lastJsonLine(result.stdout));
    expect(outcome).toEqual({
      batchId: outcome.batchId,
      status: 'completed',
      rows: 20,
      fulfilled: 20,
      failed: 0,
      pending: 0,
      needsReview: 0,
      totalCost: '487.60',
      chargedCost: '487.60',
      chargedUnknownCost: '0.00',
      chargedUnknownRows: 0,
      currency: 'USD',
    });
    const placed = await started.orders();
    expect(placed.map((order) => order.poNumber).sort()).toEqual(poNumbers(outcome.batchId, 20));

    const listed = await runCli(['batches', '--json'], dataDir());
    expect(listed.code).toBe(0);
    expect(z.array(batchJsonSchema).parse(JSON.parse(listed.stdout))).toEqual([outcome]);
    const table = await runCli(['batches', '--data-dir', dir.path], {});
    expect(table.stdout).toContain(outcome.batchId);
    expect(table.stdout).toContain('20/20 fulfilled');
  }, 60_000);

  it('pauses on insufficient funds with the shortfall (exit 3), and resume completes it once funded', async () => {
    const started = await startTestSandbox({ balanceCents: 100_00 });
    const running = started.sandbox;
    const file = await recipientsFile(20);
    const sent = await runCli(
      sendArgs(file, running.url, '--yes', '--json', '--concurrency', '1'),
      dataDir(),
    );
    expect(sent.code).toBe(3);
    const paused = batchJsonSchema.parse(lastJsonLine(sent.stdout));
    // $100 buys four $24.38 cards; the fifth order is refused and nothing after it is sent.
    expect(paused).toMatchObject({ status: 'paused', rows: 20, fulfilled: 4, pending: 16 });
    expect(sent.stderr).toContain('Shortfall: $387.60');
    expect(sent.stderr).toContain(`resume with: giftbatch resume ${paused.batchId}`);
    expect(await started.orders()).toHaveLength(4);

    const stillShort = await runCli(['resume', paused.batchId, '--api-url', running.url], dataDir());
    expect(stillShort.code).toBe(3);
    await fund(running.url, 1_000);
    const resumed = await runCli(['resume', paused.batchId, '--api-url', running.url, '--json'], dataDir());
    expect(resumed.code).toBe(0);
    expect(batchJsonSchema.parse(lastJsonLine(resumed.stdout))).toMatchObject({
      batchId: paused.batchId,
      status: 'completed',
      fulfilled: 20,
      pending: 0,
    });
    const placed = await started.orders();
    expect(placed.map((order) => order.poNumber).sort()).toEqual(poNumbers(paused.batchId, 20));

    const listed = await runCli(['batches', '--json'], dataDir());
    expect(z.array(batchJsonSchema).parse(JSON.parse(listed.stdout))).toMatchObject([
      { batchId: paused.batchId, status: 'completed', fulfilled: 20 },
    ]);
  }, 60_000);

  it('pauses cleanly on Ctrl+C, exits 3, and resumes to the end', async () => {
    const { started, cli } = await sendingTwentySlowly();
    const running = started.sandbox;
    cli.child.kill('SIGINT');
    expect(await cli.exited).toBe(3);
    const batchId = /Batch id: (\w{8})/.exec(cli.stdout())?.[1] ?? '';
    expect(cli.stdout()).toContain(`resume with: giftbatch resume ${batchId}`);
    const sentBefore = (await started.orders()).length;
    expect(sentBefore).toBeGreaterThan(0);
    expect(sentBefore).toBeLessThan(20);

    const resumed = await runCli(['resume', batchId, '--api-url', running.url, '--json'], dataDir());
    expect(resumed.code).toBe(0);
    expect(batchJsonSchema.parse(lastJsonLine(resumed.stdout))).toMatchObject({ fulfilled: 20 });
    expect((await started.orders()).map((order) => order.poNumber).sort()).toEqual(poNumbers(batchId, 20));
  }, 60_000);

  it('lists a batch whose sender was killed as interrupted, and resume completes it', async () => {
    const { started, cli } = await sendingTwentySlowly();
    const running = started.sandbox;
    const killed = await killAndList(cli);
    const batchId = killed?.batchId ?? '';
    expect(killed?.status).toBe('sending');

    // Its lease has not run out, but the process holding it has ended: nobody is sending this batch.
    const listed = await runCli(['batches'], dataDir());
    expect(listed.stdout).toMatch(new RegExp(`^${batchId} .* sending \\(interrupted\\) `, 'm'));
    const resumed = await runCli(['resume', batchId, '--api-url', running.url, '--json'], dataDir());
    expect(resumed.code).toBe(0);
    expect((await started.orders()).map((order) => order.poNumber).sort()).toEqual(poNumbers(batchId, 20));
  }, 60_000);

  it('resume --retry-failed sends rows whose outcome was unknown again under their PO numbers', async () => {
    const { started, cli } = await sendingTwentySlowly();
    const killed = await killAndList(cli);
    const batchId = killed?.batchId ?? '';
    // Row 20 was never answered, as a row whose retries all met 5xx would be.
    failSentRowInLedger(
      dir.path,
      batchId,
      20,
      { kind: 'outcome_unknown', message: 'The provider answered 502.', retry: 'same_po' },
      'unavailable',
    );

    const resumed = await runCli(['resume', batchId, '--api-url', started.sandbox.url], dataDir());
    expect(resumed.code).toBe(2);
    // The command it prints reaches the same sandbox: the flags the run was given are repeated.
    expect(resumed.stdout).toContain(
      `giftbatch resume ${batchId} --api-url ${started.sandbox.url} --retry-failed`,
    );
    const retried = await runCli(
      ['resume', batchId, '--api-url', started.sandbox.url, '--retry-failed', '--json'],
      dataDir(),
    );
    expect(retried.code).toBe(0);
    expect(batchJsonSchema.parse(lastJsonLine(retried.stdout))).toMatchObject({ fulfilled: 20, failed: 0 });
    expect((await started.orders()).map((order) => order.poNumber).sort()).toEqual(poNumbers(batchId, 20));
  }, 60_000);

  it('confirms a batch above the typed-total threshold with --yes', async () => {
    const started = await startTestSandbox();
    const running = started.sandbox;
    // 42 × $24.38 = $1,023.96, above the default $1,000.00 at which the total must be typed.
    const file = await recipientsFile(42);
    const result = await runCli(sendArgs(file, running.url, '--yes', '--json'), dataDir());
    expect(result.code).toBe(0);
    expect(batchJsonSchema.parse(lastJsonLine(result.stdout))).toMatchObject({
      fulfilled: 42,
      totalCost: '1023.96',
    });
    expect(await started.orders()).toHaveLength(42);
  }, 60_000);

  it('sends nothing without --yes when there is no terminal to ask on: not confirmed, exit 1 as its help says', async () => {
    const started = await startTestSandbox();
    const running = started.sandbox;
    const file = await recipientsFile(3);
    const result = await runCli(sendArgs(file, running.url), dataDir());
    expect(result.code).toBe(1);
    expect(sendCommand.usage).toContain('1 errors in the rows or not confirmed');
    expect(result.stdout).toContain('Total cost $73.14');
    expect(result.stderr).toContain('--yes');
    expect((await started.stats()).orderCreateRequests).toBe(0);
    expect((await runCli(['batches', '--json'], dataDir())).stdout.trim()).toBe('[]');
  }, 30_000);

  it('counts orders it could not find after a 409 as charged-unknown, not uncharged (exit 2)', async () => {
    // Every answer is lost after the order is made; the 409 names no id and orders carry no PO number.
    const started = await startTestSandbox({
      faults: { timeoutAfterCreate: 1 },
      orderDialect: { conflictIdField: 'none', echoPoNumber: false },
    });
    const file = await recipientsFile(2);
    const result = await runCli(sendArgs(file, started.sandbox.url, '--yes', '--json'), dataDir());
    expect(result.code, result.stderr).toBe(2);
    expect(batchJsonSchema.parse(lastJsonLine(result.stdout))).toMatchObject({
      needsReview: 2,
      totalCost: '48.76',
      chargedCost: '0.00',
      chargedUnknownCost: '48.76',
      chargedUnknownRows: 2,
    });
    expect(result.stderr).toContain('Cost: $0.00 charged, $48.76 charged-unknown of $48.76 reviewed.');
    expect(result.stderr).toContain('Charged-unknown: 2 rows ($48.76) may have been charged');
    expect(result.stderr).toContain('most likely exists and was charged');
    expect(await started.orders()).toHaveLength(2);
  }, 60_000);

  it('sends nothing when rows have errors (exit 1)', async () => {
    const started = await startTestSandbox();
    const running = started.sandbox;
    const file = path.join(dir.path, 'bad.csv');
    await writeFile(file, 'Name,Email,Amount\nAda,ada@example.org,25\nAlan,alan@,25\n');
    const result = await runCli(sendArgs(file, running.url, '--yes', '--json'), dataDir());
    expect(result.code).toBe(1);
    expect(lastJsonLine(result.stdout)).toMatchObject({ rows: 2, errors: [{ row: 3, column: 'Email' }] });
    expect((await started.stats()).orderCreateRequests).toBe(0);
  }, 30_000);

  it('starts the embedded sandbox with its state in the data folder when --api-url is absent', async () => {
    const file = await recipientsFile(3);
    const result = await runCli(
      ['send', file, '--product', 'NORTHWIND-COFFEE', '--env', 'sandbox', '--yes', '--json'],
      dataDir(),
    );
    expect(result.code).toBe(0);
    const { batchId } = batchJsonSchema.parse(lastJsonLine(result.stdout));
    const state = z
      .object({ orders: z.array(z.object({ poNumber: z.string() })) })
      .parse(JSON.parse(await readFile(path.join(dir.path, 'sandbox-state.json'), 'utf8')));
    expect(state.orders.map((order) => order.poNumber).sort()).toEqual(poNumbers(batchId, 3));
  }, 30_000);

  it('exits 5 when staging refuses the credentials, and never prints them', async () => {
    const started = await startTestSandbox();
    const running = started.sandbox;
    const file = await recipientsFile(3);
    const args = sendArgsFor('staging', file, running.url, '--yes');
    const wrongToken = 'wrong-token-do-not-print';
    const refused = await runCli(args, {
      ...dataDir(),
      GIFTBATCH_EMAIL: demoCredentials.email,
      GIFTBATCH_ACCESS_TOKEN: wrongToken,
    });
    expect(refused.code).toBe(5);
    expect(refused.stderr).toContain('GIFTBATCH_ACCESS_TOKEN');
    expect(`${refused.stdout}${refused.stderr}`).not.toContain(wrongToken);

    const missing = await runCli(args, dataDir());
    expect(missing.code).toBe(5);
    expect(missing.stderr).toContain('set GIFTBATCH_EMAIL and GIFTBATCH_ACCESS_TOKEN');
    expect((await started.stats()).orderCreateRequests).toBe(0);
  }, 30_000);

  it('sends to staging with the credentials from the environment', async () => {
    const started = await startTestSandbox();
    const running = started.sandbox;
    const file = await recipientsFile(2);
    const result = await runCli(sendArgsFor('staging', file, running.url, '--yes', '--json'), {
      ...dataDir(),
      GIFTBATCH_EMAIL: demoCredentials.email,
      GIFTBATCH_ACCESS_TOKEN: demoCredentials.accessToken,
    });
    expect(result.code).toBe(0);
    expect(await started.orders()).toHaveLength(2);
    expect(`${result.stdout}${result.stderr}`).not.toContain(demoCredentials.accessToken);
  }, 30_000);
});
