import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { poNumberFor } from '../../common/batches/po-number.ts';
import { seededRandom, type SelfKill } from '../support/crash-plan.ts';
import { spawnCrashChild, type CrashChild } from '../support/crash-runner.ts';
import { recipientRows, type EngineHarness } from '../support/engine-harness.ts';
import { useEngineHarness } from '../support/use-engine-harness.ts';

// CRASH_SEED=<n> replays a run's kills and the sandbox's faults and latencies (not the OS's timing).
const seed = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const rowCount = 200;
const random = seededRandom(seed);
/** Three kills at each of the group commit's two windows (docs/architecture.md §5.9), alternating. */
const plan: SelfKill[] = Array.from({ length: 6 }, (_, index) => ({
  step: index % 2 === 0 ? 'window-committed' : 'answers-committing',
  at: 1 + Math.floor(random() * 8),
}));

describe('batch engine killed between a group commit and the requests or answers around it', () => {
  const engines = useEngineHarness();
  let harness: EngineHarness;
  const children: CrashChild[] = [];
  beforeEach(async () => {
    harness = await engines.start({
      dataDir: (await engines.tempDir('giftbatch-crash-groups-')).path,
      sandbox: {
        faults: { latencyMs: 10, jitterMs: 8 },
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

  it(
    `sends each of ${String(rowCount)} rows once across ${String(plan.length)} SIGKILLs (seed ${String(seed)})`,
    { timeout: 120_000 },
    async () => {
      const batchId = await harness.commitBatch(recipientRows(rowCount));
      const poNumbers = Array.from({ length: rowCount }, (_, index) => poNumberFor(batchId, index + 1));
      const args = { dataDir: harness.dataDir, batchId, sandboxUrl: harness.sandbox.sandbox.url };
      const stateOf = (rowNo: number) => harness.repository.rowView(batchId, rowNo).state;

      for (const [iteration, kill] of plan.entries()) {
        const queuedBefore = new Set(
          (harness.repository.detail(batchId, Date.now())?.rows ?? [])
            .filter((row) => row.state === 'queued')
            .map((row) => row.rowNo),
        );
        const child = spawnCrashChild({ ...args, kill });
        children.push(child);
        const exit = await child.exited;
        const where = `seed ${String(seed)}, kill ${String(iteration)} ${JSON.stringify(kill)}; stderr: ${child.stderr()}`;
        expect(exit, where).toEqual({ code: null, signal: 'SIGKILL' });

        const orders = await harness.sandbox.orders();
        const ordered = new Set(orders.map((order) => order.poNumber));
        expect(ordered.size, `a PO number was ordered twice; ${where}`).toBe(orders.length);
        const killing = child.lines().find((line) => line.kind === 'killing');
        expect(killing?.step, where).toBe(kill.step);
        const group = killing?.kind === 'killing' ? killing.rowNos : [];
        expect(group.length, where).toBeGreaterThan(0);
        // Whichever window it died in, every row of the group is durable as `submitting`: resumed, it is
        // sent again under its PO number.
        expect(group.map(stateOf), where).toEqual(group.map(() => 'submitting'));
        for (const rowNo of group) {
          const po = poNumberFor(batchId, rowNo);
          // After the window's commit, before its requests: rows that were queued have no order yet.
          if (kill.step === 'window-committed' && queuedBefore.has(rowNo))
            expect(ordered.has(po), where).toBe(false);
          // After the answers arrived, before their commit: the orders exist, the ledger does not know them.
          if (kill.step === 'answers-committing') expect(ordered.has(po), where).toBe(true);
        }
      }

      const last = spawnCrashChild({ ...args, kill: null });
      children.push(last);
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
    },
  );
});
