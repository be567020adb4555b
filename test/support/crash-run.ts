import { afterEach, beforeEach, expect } from 'vitest';
import { poNumberFor } from '../../common/batches/po-number.ts';
import type { FaultPlan } from '../../main/sandbox/fault-plan.ts';
import { seededRandom, type CrashChildArgs } from './crash-plan.ts';
import { spawnCrashChild, type CrashChild } from './crash-runner.ts';
import type { EngineHarness } from './engine-harness.ts';
import { useEngineHarness } from './use-engine-harness.ts';

/**
 * A crash test's set-up (call it at the top of a describe): before each test, the real engine on a fresh
 * ledger and a sandbox whose orders stay Pending for 30–150 ms, its faults and latencies drawn from
 * `seed`; after it, every child process still running is killed and reaped.
 */
export const useCrashRun = (options: { seed: number; dirPrefix: string; faults: Partial<FaultPlan> }) => {
  const engines = useEngineHarness();
  let started: EngineHarness | undefined;
  const children: CrashChild[] = [];
  beforeEach(async () => {
    started = await engines.start({
      dataDir: (await engines.tempDir(options.dirPrefix)).path,
      sandbox: {
        faults: options.faults,
        pendingThresholdCards: 0,
        completionDelayMs: { min: 30, max: 150 },
        random: seededRandom(options.seed ^ 0x5eed),
      },
    });
  });
  afterEach(async () => {
    const left = children.splice(0);
    for (const child of left) child.kill();
    await Promise.all(left.map((child) => child.exited));
  });
  const harness = (): EngineHarness => {
    if (started === undefined) throw new Error('The crash run starts in beforeEach.');
    return started;
  };
  return {
    harness,
    /** A sending process on this test's ledger and sandbox; killed in afterEach if the test ends first. */
    startChild: (args: CrashChildArgs): CrashChild => {
      const child = spawnCrashChild(args);
      children.push(child);
      return child;
    },
    /** The PO numbers the sandbox has ordered so far, checked to be ordered once each. */
    orderedOnce: async (where: string): Promise<Set<string>> => {
      const orders = await harness().sandbox.orders();
      const ordered = new Set(orders.map((order) => order.poNumber));
      expect(ordered.size, `a PO number was ordered twice; ${where}`).toBe(orders.length);
      return ordered;
    },
  };
};

/**
 * The end every crash test asserts: the run after the last kill completes the batch, each of its rows
 * fulfilled by exactly one order under its own PO number, and the event chain verifies.
 */
export const expectCompletedOnce = async (
  harness: EngineHarness,
  last: CrashChild,
  batchId: string,
  rowCount: number,
  seed: number,
): Promise<void> => {
  const exit = await last.exited;
  expect(exit, `seed ${String(seed)}, final run; stderr: ${last.stderr()}`).toEqual({
    code: 0,
    signal: null,
  });
  expect(last.lines().at(-1)).toEqual({ kind: 'finished', status: 'completed', fulfilled: rowCount });

  const poNumbers = Array.from({ length: rowCount }, (_, index) => poNumberFor(batchId, index + 1));
  const rows = harness.repository.detail(batchId, Date.now())?.rows ?? [];
  expect(rows.map((row) => row.state)).toEqual(poNumbers.map(() => 'fulfilled'));
  const orders = await harness.sandbox.orders();
  expect(orders.map((order) => order.poNumber).sort()).toEqual(poNumbers);
  const orderIdByPo = new Map(orders.map((order) => [order.poNumber, order.id]));
  expect(rows.map((row) => row.orderId)).toEqual(poNumbers.map((po) => orderIdByPo.get(po)));
  expect(harness.repository.events.verify()).toBeUndefined();
};
