import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { poNumberFor } from '../../common/batches/po-number.ts';
import { crashPlan, seededRandom, type CrashChildArgs, type CrashKill } from '../support/crash-plan.ts';
import { spawnCrashChild, type CrashChild } from '../support/crash-runner.ts';
import { recipientRows, type EngineHarness } from '../support/engine-harness.ts';
import { useEngineHarness } from '../support/use-engine-harness.ts';

// CRASH_SEED=<n> replays a run's kills and the sandbox's faults and latencies (not the OS's timing).
const seed = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const rowCount = 300;
// Six of each: kill at `committed`, at `answered`, after a delay, after some order requests.
const plan = crashPlan(seededRandom(seed), 6);
const title = `sends each of ${String(rowCount)} rows once across ${String(plan.length)} SIGKILLs (seed ${String(seed)})`;

describe('batch engine killed at random moments', () => {
  const engines = useEngineHarness();
  let harness: EngineHarness;
  const children: CrashChild[] = [];
  /** A sending process on this test's ledger and sandbox; killed in afterEach if the test ends first. */
  const startChild = (args: CrashChildArgs): CrashChild => {
    const child = spawnCrashChild(args);
    children.push(child);
    return child;
  };
  beforeEach(async () => {
    harness = await engines.start({
      dataDir: (await engines.tempDir('giftbatch-crash-')).path,
      sandbox: {
        // Answers take 2–18 ms and every order stays Pending briefly, so kills land mid-request and
        // mid-poll; now and then the answer to a created order is lost (504), as behind a gateway.
        faults: { latencyMs: 10, jitterMs: 8, timeoutAfterCreate: 0.05 },
        pendingThresholdCards: 0,
        completionDelayMs: { min: 30, max: 150 },
        random: seededRandom(seed ^ 0x5eed),
      },
    });
  });
  afterEach(async () => {
    const left = children.splice(0);
    for (const child of left) child.kill();
    await Promise.all(left.map((child) => child.exited));
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
          const { orderCreateRequests } = await harness.sandbox.stats();
          if (orderCreateRequests >= requestsBefore + kill.count) break;
          await sleep(2);
        }
        child.kill();
        break;
    }
    return child.exited;
  };

  it(title, { timeout: 90_000 }, async () => {
    const batchId = await harness.commitBatch(recipientRows(rowCount));
    const poNumbers = Array.from({ length: rowCount }, (_, index) => poNumberFor(batchId, index + 1));
    const args = { dataDir: harness.dataDir, batchId, sandboxUrl: harness.sandbox.sandbox.url };

    for (const [iteration, kill] of plan.entries()) {
      const { orderCreateRequests } = await harness.sandbox.stats();
      const child = startChild({ ...args, kill: kill.kind === 'self' ? kill.kill : null });
      const exit = await killAsPlanned(child, kill, orderCreateRequests);
      const where = `seed ${String(seed)}, kill ${String(iteration)} ${JSON.stringify(kill)}; stderr: ${child.stderr()}`;
      // Had the dead process's lease blocked the resume, the child would have exited 1 instead.
      expect(exit, where).toEqual({ code: null, signal: 'SIGKILL' });

      const orders = await harness.sandbox.orders();
      const ordered = new Set(orders.map((order) => order.poNumber));
      expect(ordered.size, `a PO number was ordered twice; ${where}`).toBe(orders.length);
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

    const last = startChild({ ...args, kill: null });
    const exit = await last.exited;
    expect(exit, `seed ${String(seed)}, final run; stderr: ${last.stderr()}`).toEqual({
      code: 0,
      signal: null,
    });
    expect(last.lines().at(-1)).toEqual({ kind: 'finished', status: 'completed', fulfilled: rowCount });

    const rows = harness.repository.detail(batchId, Date.now())?.rows ?? [];
    expect(rows.map((row) => row.state)).toEqual(poNumbers.map(() => 'fulfilled'));
    const orders = await harness.sandbox.orders();
    expect(orders.map((order) => order.poNumber).sort()).toEqual(poNumbers);
    const orderIdByPo = new Map(orders.map((order) => [order.poNumber, order.id]));
    expect(rows.map((row) => row.orderId)).toEqual(poNumbers.map((po) => orderIdByPo.get(po)));
    expect(harness.repository.events.verify()).toBeUndefined();
  });
});
