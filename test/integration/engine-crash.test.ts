import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { crashPlan, seededRandom, type CrashKill } from '../support/crash-plan.ts';
import type { CrashChild } from '../support/crash-runner.ts';
import { expectCompletedOnce, useCrashRun } from '../support/crash-run.ts';
import { recipientRows } from '../support/engine-harness.ts';

// CRASH_SEED=<n> replays a run's kills and the sandbox's faults and latencies (not the OS's timing).
const seed = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const rowCount = 300;
// Six of each: kill at `committed`, at `answered`, after a delay, after some order requests.
const plan = crashPlan(seededRandom(seed), 6);
const title = `sends each of ${String(rowCount)} rows once across ${String(plan.length)} SIGKILLs (seed ${String(seed)})`;

describe('batch engine killed at random moments', () => {
  // Answers take 2–18 ms and every order stays Pending briefly, so kills land mid-request and
  // mid-poll; now and then the answer to a created order is lost (504), as behind a gateway.
  const crash = useCrashRun({
    seed,
    dirPrefix: 'giftbatch-crash-',
    faults: { latencyMs: 10, jitterMs: 8, timeoutAfterCreate: 0.05 },
  });

  /** Kills the child as planned; resolves once it has died and been reaped. */
  const killAsPlanned = async (child: CrashChild, kill: CrashKill, requestsBefore: number) => {
    switch (kill.kind) {
      case 'self':
        break;
      case 'timer':
        await child.started;
        // The scenario is a kill at a random moment: the delay is the plan, not a wait for an outcome.
        await sleep(kill.delayMs);
        child.kill();
        break;
      case 'requests':
        await child.started;
        while (!child.hasExited()) {
          const { orderCreateRequests } = await crash.harness().sandbox.stats();
          if (orderCreateRequests >= requestsBefore + kill.count) break;
          await sleep(2);
        }
        child.kill();
        break;
    }
    return child.exited;
  };

  it(title, { timeout: 90_000 }, async () => {
    const harness = crash.harness();
    const batchId = await harness.commitBatch(recipientRows(rowCount));
    const args = { dataDir: harness.dataDir, batchId, sandboxUrl: harness.sandbox.sandbox.url };

    for (const [iteration, kill] of plan.entries()) {
      const { orderCreateRequests } = await harness.sandbox.stats();
      const child = crash.startChild({ ...args, kill: kill.kind === 'self' ? kill.kill : null });
      const exit = await killAsPlanned(child, kill, orderCreateRequests);
      const where = `seed ${String(seed)}, kill ${String(iteration)} ${JSON.stringify(kill)}; stderr: ${child.stderr()}`;
      // Had the dead process's lease blocked the resume, the child would have exited 1 instead.
      expect(exit, where).toEqual({ code: null, signal: 'SIGKILL' });

      const ordered = await crash.orderedOnce(where);
      // A self-kill lands in its window: the row's `submitting` committed and, at `answered`, its order
      // made at the sandbox while the ledger knows nothing of it.
      if (kill.kind === 'self') {
        const killing = child.lines().find((line) => line.kind === 'killing');
        expect(killing?.step, where).toBe(kill.kill.step);
        const row = harness.repository.rowView(batchId, killing?.rowNo ?? 0);
        expect(row.state, where).toBe('submitting');
        if (kill.kill.step === 'answered') expect(ordered.has(row.poNumber), where).toBe(true);
      }
      // `ready` only when the first child died before it began sending.
      expect(['ready', 'sending'], `the batch ended before the kills did; ${where}`).toContain(
        harness.repository.status(batchId),
      );
    }

    await expectCompletedOnce(harness, crash.startChild({ ...args, kill: null }), batchId, rowCount, seed);
  });
});
