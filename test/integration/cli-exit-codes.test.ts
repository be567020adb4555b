import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openLedger } from '../../main/ledger/open-ledger.ts';
import { demoCredentials } from '../../main/sandbox/demo-credentials.ts';
import type { SandboxOptions } from '../../main/sandbox/sandbox-options.ts';
import {
  type CliProcess,
  type CliResult,
  killStartedClis,
  lastJsonLine,
  runCli,
  sendArgsFor,
  startCli,
} from '../fixtures/cli/run-cli.ts';
import { writeRecipientsFile } from '../fixtures/cli/recipients-file.ts';
import { failSentRowInLedger } from '../support/row-outcomes.ts';
import { startSandboxWithClient, type SandboxUnderTest } from '../support/start-sandbox.ts';
import { createTempDir, type TempDir } from '../support/temp-dir.ts';

/**
 * The exit-code contract (README, "Exit codes"; docs/architecture.md §5.11): 1 and 4 mean nothing was committed;
 * once a batch is, `send` and `resume` exit 0, 2, 3, 5 or 6, print its id, end --json with a line
 * carrying it, and never show a stack trace. Every path, through the real CLI.
 */
const committedCodes = [0, 2, 3, 5, 6];
const batchLineSchema = z.looseObject({ batchId: z.string().regex(/^[0-9A-Z]{8}$/), status: z.string() });

let dir: TempDir;
const sandboxes: SandboxUnderTest[] = [];
beforeEach(async () => {
  dir = await createTempDir('giftbatch-exit-codes-');
});
afterEach(async () => {
  killStartedClis();
  await Promise.all(sandboxes.splice(0).map((sandbox) => sandbox.close()));
  await dir.remove();
});

const startTestSandbox = async (options: SandboxOptions = {}): Promise<SandboxUnderTest> => {
  const started = await startSandboxWithClient(options);
  sandboxes.push(started);
  return started;
};

const recipientsFile = (count: number): Promise<string> =>
  writeRecipientsFile(dir.path, count, `recipients-${String(count)}.csv`);

const send = (file: string, url: string, dataDir: string, ...more: string[]) =>
  runCli(sendArgsFor('sandbox', file, url, '--yes', '--json', ...more), {
    GIFTBATCH_DATA_DIR: dataDir,
  });
const startSend = (file: string, url: string, dataDir: string, ...more: string[]): CliProcess =>
  startCli(sendArgsFor('sandbox', file, url, '--yes', '--json', ...more), {
    GIFTBATCH_DATA_DIR: dataDir,
  });
const resume = (batchId: string, url: string, dataDir: string) =>
  runCli(['resume', batchId, '--api-url', url, '--json'], { GIFTBATCH_DATA_DIR: dataDir });

const fund = async (url: string, amount: number) => {
  await fetch(`${url}/_sim/funding`, { method: 'POST', body: JSON.stringify({ amount }) });
  await fetch(`${url}/_sim/funding/apply`, { method: 'POST' });
};

const waitFor = async (condition: () => boolean | Promise<boolean>, what: string) => {
  const deadline = Date.now() + 20_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

const batchesIn = async (dataDir: string) =>
  z
    .array(batchLineSchema)
    .parse(JSON.parse((await runCli(['batches', '--json'], { GIFTBATCH_DATA_DIR: dataDir })).stdout));

/** A batch of 20 paused on insufficient funds after 4 orders ($100 buys four $24.38 cards). */
const pausedOnFunds = async () => {
  const sandbox = await startTestSandbox({ balanceCents: 100_00 });
  const result = await send(await recipientsFile(20), sandbox.sandbox.url, dir.path, '--concurrency', '1');
  const { batchId } = batchLineSchema.parse(lastJsonLine(result.stdout));
  return { sandbox, result, batchId };
};

const stagingCredentials = {
  GIFTBATCH_EMAIL: demoCredentials.email,
  GIFTBATCH_ACCESS_TOKEN: demoCredentials.accessToken,
};

/** A staging batch of 6 paused on funds, sent to a sandbox standing in for staging at its base URL. */
const pausedStagingBatch = async () => {
  const recorded = await startTestSandbox({ balanceCents: 100_00 });
  const file = await recipientsFile(6);
  const paused = await runCli(sendArgsFor('staging', file, recorded.sandbox.url, '--yes', '--json'), {
    GIFTBATCH_DATA_DIR: dir.path,
    ...stagingCredentials,
  });
  expect(paused.code).toBe(3);
  const { batchId } = batchLineSchema.parse(lastJsonLine(paused.stdout));
  return { recorded, batchId };
};

/** What every run must show, committed or not. */
const expectContract = (result: CliResult, committed: boolean) => {
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stderr).not.toContain('SqliteError');
  if (!committed) {
    // 5 (connection) may come before a commit too; 1 and 4 never come after one.
    expect([1, 4, 5]).toContain(result.code);
    return undefined;
  }
  expect(committedCodes).toContain(result.code);
  const { batchId } = batchLineSchema.parse(lastJsonLine(result.stdout));
  expect(result.stderr).toContain(`Batch id: ${batchId}`);
  return batchId;
};

interface ExitCase {
  readonly path: string;
  readonly code: number;
  readonly committed: boolean;
  /** Runs the CLI down this path; the checks after it are the case's own. */
  readonly run: () => Promise<{ result: CliResult; check?: () => Promise<void> | void }>;
}

const cases: readonly ExitCase[] = [
  {
    path: 'validation error',
    code: 1,
    committed: false,
    run: async () => {
      const sandbox = await startTestSandbox();
      const file = path.join(dir.path, 'bad.csv');
      await writeFile(file, 'Name,Email,Amount\nAda,ada@example.org,25\nAlan,alan@,25\n');
      const result = await send(file, sandbox.sandbox.url, dir.path);
      return { result, check: async () => expect(await batchesIn(dir.path)).toEqual([]) };
    },
  },
  {
    path: 'usage',
    code: 4,
    committed: false,
    run: async () => ({
      result: await send(await recipientsFile(2), 'http://127.0.0.1:9', dir.path, '--concurrency', '99'),
    }),
  },
  {
    path: 'connection failure before commit',
    code: 5,
    committed: false,
    run: async () => {
      const gone = await startTestSandbox();
      await gone.close();
      const result = await send(await recipientsFile(2), gone.sandbox.url, dir.path);
      return { result, check: async () => expect(await batchesIn(dir.path)).toEqual([]) };
    },
  },
  {
    path: 'all fulfilled',
    code: 0,
    committed: true,
    run: async () => {
      const sandbox = await startTestSandbox();
      return { result: await send(await recipientsFile(3), sandbox.sandbox.url, dir.path) };
    },
  },
  {
    path: 'paused on funds',
    code: 3,
    committed: true,
    run: async () => {
      const { result } = await pausedOnFunds();
      return { result, check: () => expect(result.stderr).toContain('Shortfall: $387.60') };
    },
  },
  {
    path: 'some failed',
    code: 2,
    committed: true,
    run: async () => {
      const { sandbox, batchId } = await pausedOnFunds();
      // Row 20's request met 5xx only, as a row of an older version would have ended.
      failSentRowInLedger(
        dir.path,
        batchId,
        20,
        { kind: 'invalid_request', message: 'Rejected.', retry: 'edit' },
        'invalid_request',
      );
      await fund(sandbox.sandbox.url, 1_000);
      return { result: await resume(batchId, sandbox.sandbox.url, dir.path) };
    },
  },
  {
    path: 'lost lease',
    code: 6,
    committed: true,
    run: async () => {
      const sandbox = await startTestSandbox({ faults: { latencyMs: 150 } });
      const cli = startSend(await recipientsFile(20), sandbox.sandbox.url, dir.path, '--concurrency', '1');
      await waitFor(async () => (await sandbox.orders()).length >= 2, 'the first orders');
      // As if this process slept past its lease and a CLI on a server took the batch over.
      const ledger = openLedger(dir.path);
      try {
        ledger
          .prepare("UPDATE batches SET lease_owner = 'server-1#77#x', lease_until = ?")
          .run(Date.now() + 3_600_000);
      } finally {
        ledger.close();
      }
      const code = await cli.exited;
      const result = { code, stdout: cli.stdout(), stderr: cli.stderr() };
      return {
        result,
        check: () => {
          expect(result.stderr).toContain('held by process 77 on server-1');
          expect(result.stderr).not.toContain(`process ${String(cli.child.pid)} `);
        },
      };
    },
  },
  {
    path: 'send without --yes and no terminal to confirm on',
    code: 1,
    committed: false,
    run: async () => {
      const sandbox = await startTestSandbox();
      const file = await recipientsFile(2);
      const result = await runCli(sendArgsFor('sandbox', file, sandbox.sandbox.url, '--json'), {
        GIFTBATCH_DATA_DIR: dir.path,
      });
      return {
        result,
        check: async () => {
          expect(result.stderr).toContain('run again with --yes');
          expect(await batchesIn(dir.path)).toEqual([]);
        },
      };
    },
  },
  {
    path: 'resume of a staging batch without --api-url',
    code: 6,
    committed: true,
    run: async () => {
      const { recorded, batchId } = await pausedStagingBatch();
      const ordersBefore = (await recorded.orders()).length;
      const result = await runCli(['resume', batchId, '--json'], {
        GIFTBATCH_DATA_DIR: dir.path,
        ...stagingCredentials,
      });
      return {
        result,
        check: async () => {
          expect(result.stderr).toContain(
            `Batch ${batchId} was sent to staging (${recorded.sandbox.url}), but this run has no base URL for staging`,
          );
          expect(result.stderr).toContain(`giftbatch resume ${batchId} --api-url ${recorded.sandbox.url}`);
          expect(result.stderr).not.toContain('Settings to carry on');
          expect(await recorded.orders()).toHaveLength(ordersBefore);
        },
      };
    },
  },
  {
    path: 'destination mismatch on resume',
    code: 6,
    committed: true,
    run: async () => {
      // Staging is known by its base URL: a resume pointed at another one would split the batch.
      const { batchId } = await pausedStagingBatch();
      const elsewhere = await startTestSandbox();
      const result = await runCli(['resume', batchId, '--api-url', elsewhere.sandbox.url, '--json'], {
        GIFTBATCH_DATA_DIR: dir.path,
        ...stagingCredentials,
      });
      return {
        result,
        check: async () => {
          expect(result.stderr).toContain(`Batch ${batchId} was sent to staging`);
          expect(await elsewhere.orders()).toEqual([]);
        },
      };
    },
  },
];

describe('giftbatch exit codes', () => {
  it.each(cases)(
    '$path: exit $code',
    async ({ code, committed, run }) => {
      const { result, check } = await run();
      expect(result.code, result.stderr).toBe(code);
      expectContract(result, committed);
      await check?.();
    },
    60_000,
  );
});

/** Mounting a small or read-only filesystem needs root; where it cannot be done, these cases are skipped. */
const canMount = (() => {
  const probe = mkdtempSync(path.join(tmpdir(), 'giftbatch-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
})();

describe.runIf(canMount)('giftbatch exit codes when the ledger cannot be written', () => {
  let mountPoint: string;
  beforeEach(() => {
    mountPoint = mkdtempSync(path.join(tmpdir(), 'giftbatch-small-disk-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mountPoint]);
  });
  afterEach(() => {
    killStartedClis();
    execFileSync('umount', ['-l', mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  });

  /** Writes zeros until the disk is full: the next page the ledger needs is refused (SQLITE_FULL). */
  const fillDisk = (file: string): void => {
    const fd = openSync(file, 'w');
    const chunk = Buffer.alloc(16_384);
    try {
      for (;;) writeSync(fd, chunk);
    } catch {
      // ENOSPC: full.
    } finally {
      closeSync(fd);
    }
  };

  it('a disk full mid-batch (SQLITE_FULL) interrupts it: exit 6 with its id, then resume sends the rest once', async () => {
    const dataDir = path.join(mountPoint, 'data');
    mkdirSync(dataDir);
    const sandbox = await startTestSandbox({ faults: { latencyMs: 100 } });
    const cli = startSend(await recipientsFile(40), sandbox.sandbox.url, dataDir, '--concurrency', '1');
    await waitFor(async () => (await sandbox.orders()).length >= 3, 'the first orders');
    const filler = path.join(mountPoint, 'filler');
    fillDisk(filler);
    const code = await cli.exited;
    const result = { code, stdout: cli.stdout(), stderr: cli.stderr() };
    expect(result.code, result.stderr).toBe(6);
    const batchId = expectContract(result, true) ?? '';
    expect(result.stderr).toContain('the disk holding the ledger is full');
    expect(result.stderr).toContain(`giftbatch resume ${batchId}`);

    rmSync(filler);
    const resumed = await resume(batchId, sandbox.sandbox.url, dataDir);
    expect(resumed.code, resumed.stderr).toBe(0);
    const orders = await sandbox.orders();
    expect(orders).toHaveLength(40);
    expect(new Set(orders.map((order) => order.poNumber)).size).toBe(40);
  }, 60_000);

  it('a read-only ledger is found when opened: send stops before the review (4), resume says the batch is there (6)', async () => {
    const dataDir = path.join(mountPoint, 'data');
    const sandbox = await startTestSandbox({ balanceCents: 100_00 });
    const paused = await send(await recipientsFile(20), sandbox.sandbox.url, dataDir, '--concurrency', '1');
    const { batchId } = batchLineSchema.parse(lastJsonLine(paused.stdout));
    execFileSync('mount', ['-o', 'remount,ro', mountPoint]);
    const ordersBefore = (await sandbox.orders()).length;

    const sent = await send(await recipientsFile(3), sandbox.sandbox.url, dataDir);
    expect(sent.code).toBe(4);
    expectContract(sent, false);
    expect(sent.stderr).toContain('cannot be used');
    expect(sent.stderr).not.toContain('Total cost');

    const resumed = await resume(batchId, sandbox.sandbox.url, dataDir);
    expect(resumed.code).toBe(6);
    expect(batchLineSchema.parse(lastJsonLine(resumed.stdout)).batchId).toBe(batchId);
    expect(resumed.stderr).toContain(`giftbatch resume ${batchId}`);
    expect(resumed.stderr).not.toMatch(/^\s+at /m);
    expect(await sandbox.orders()).toHaveLength(ordersBefore);
  }, 60_000);
});
