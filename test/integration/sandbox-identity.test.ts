import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createEmbeddedSandbox } from '../../main/connection/embedded-sandbox.ts';
import { openLedger } from '../../main/ledger/open-ledger.ts';
import { startSandbox } from '../../main/sandbox/sandbox-server.ts';
import { writeRecipientsFile } from '../fixtures/cli/recipients-file.ts';
import { killStartedClis, lastJsonLine, runCli, sendArgsFor } from '../fixtures/cli/run-cli.ts';
import { startSandboxWithClient, type SandboxUnderTest } from '../support/start-sandbox.ts';
import { createTempDir, type TempDir } from '../support/temp-dir.ts';

let dir: TempDir;
const sandboxes: SandboxUnderTest[] = [];
beforeEach(async () => {
  dir = await createTempDir('giftbatch-sandbox-identity-');
});
afterEach(async () => {
  killStartedClis();
  await Promise.all(sandboxes.splice(0).map((sandbox) => sandbox.close()));
  await dir.remove();
});

const identitySchema = z.object({ Id: z.string().regex(/^sbx_[0-9a-f]{32}$/) });
const identityOf = async (url: string): Promise<string> =>
  identitySchema.parse(await (await fetch(`${url}/_sim/identity`)).json()).Id;

const batchSchema = z.object({ batchId: z.string(), status: z.string(), fulfilled: z.number() });
const dataDir = () => ({ GIFTBATCH_DATA_DIR: path.join(dir.path, 'data') });

/** A batch of 10 $25 cards sent to a sandbox that can pay for four: it pauses, committed to that sandbox. */
const pausedBatchOn = async (url: string): Promise<string> => {
  const file = await writeRecipientsFile(dir.path, 10);
  const sent = await runCli(
    sendArgsFor('sandbox', file, url, '--yes', '--json', '--concurrency', '1'),
    dataDir(),
  );
  const batch = batchSchema.parse(lastJsonLine(sent.stdout));
  expect(batch).toMatchObject({ status: 'paused', fulfilled: 4 });
  return batch.batchId;
};

const start = async (balanceCents: number) => {
  const sandbox = await startSandboxWithClient({ balanceCents });
  sandboxes.push(sandbox);
  return sandbox;
};

describe('each sandbox has an identity of its own', () => {
  it('keeps its id in its state file across restarts; another state is another sandbox', async () => {
    const statePath = path.join(dir.path, 'state.json');
    const first = await startSandbox({ statePath });
    const id = await identityOf(first.url);
    expect(first.id).toBe(id);
    await first.close();
    const again = await startSandbox({ statePath });
    const other = await startSandbox();
    try {
      expect(await identityOf(again.url)).toBe(id);
      expect(await identityOf(other.url)).not.toBe(id);
    } finally {
      await Promise.all([again.close(), other.close()]);
    }
  });

  it('gives a state file saved before identities existed one, kept from then on', async () => {
    const statePath = path.join(dir.path, 'old-state.json');
    await writeFile(
      statePath,
      JSON.stringify({
        version: 1,
        initialBalanceCents: 500,
        availableCents: 500,
        pendingCents: 0,
        orders: [],
      }),
    );
    const sandbox = await startSandbox({ statePath });
    await sandbox.close();
    const saved = z
      .object({ id: z.string(), availableCents: z.number() })
      .parse(JSON.parse(await readFile(statePath, 'utf8')));
    expect(saved).toEqual({ id: sandbox.id, availableCents: 500 });
  });

  it("knows the built-in sandbox's id without starting it, and the sandbox started later agrees", async () => {
    const embedded = createEmbeddedSandbox(dir.path);
    const id = embedded.identity();
    expect(id).toMatch(/^sbx_/);
    const running = await embedded.start();
    try {
      expect(await identityOf(running.url)).toBe(id);
      expect(createEmbeddedSandbox(dir.path).identity()).toBe(id);
    } finally {
      await embedded.stop();
    }
  });
});

describe('a batch resumes only against the sandbox it was sent to', () => {
  it('refuses to resume against another sandbox, which gets no order, and carries on against its own', async () => {
    const own = await start(100_00);
    const other = await start(10_000_00);
    const batchId = await pausedBatchOn(own.sandbox.url);
    expect(await own.orders()).toHaveLength(4);

    const refused = await runCli(['resume', batchId, '--api-url', other.sandbox.url, '--json'], dataDir());
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain(
      `Batch ${batchId} was sent to another sandbox (sandbox:${own.sandbox.id})`,
    );
    expect(await other.orders()).toEqual([]);
    expect(await other.stats()).toMatchObject({ orderCreateRequests: 0 });

    await fetch(`${own.sandbox.url}/_sim/funding`, {
      method: 'POST',
      body: JSON.stringify({ amount: 1_000 }),
    });
    await fetch(`${own.sandbox.url}/_sim/funding/apply`, { method: 'POST' });
    const resumed = await runCli(['resume', batchId, '--api-url', own.sandbox.url, '--json'], dataDir());
    expect(resumed.code).toBe(0);
    expect(batchSchema.parse(lastJsonLine(resumed.stdout))).toMatchObject({
      status: 'completed',
      fulfilled: 10,
    });
    expect(await own.orders()).toHaveLength(10);
  }, 90_000);

  it('resumes a batch recorded as plain "sandbox" (before identities) on the built-in sandbox only', async () => {
    const own = await start(100_00);
    const other = await start(10_000_00);
    const batchId = await pausedBatchOn(own.sandbox.url);
    const ledger = openLedger(dataDir().GIFTBATCH_DATA_DIR);
    try {
      ledger.prepare("UPDATE batches SET provider = 'sandbox' WHERE id = ?").run(batchId);
    } finally {
      ledger.close();
    }

    const refused = await runCli(['resume', batchId, '--api-url', other.sandbox.url], dataDir());
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('another sandbox (sandbox)');
    expect(await other.orders()).toEqual([]);

    const resumed = await runCli(['resume', batchId, '--json'], dataDir());
    expect(resumed.code).toBe(0);
    expect(batchSchema.parse(lastJsonLine(resumed.stdout))).toMatchObject({
      status: 'completed',
      fulfilled: 10,
    });
  }, 90_000);
});
