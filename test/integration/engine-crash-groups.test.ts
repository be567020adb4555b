import { describe, expect, it } from 'vitest';
import { poNumberFor } from '../../common/batches/po-number.ts';
import { seededRandom, type SelfKill } from '../support/crash-plan.ts';
import { expectCompletedOnce, useCrashRun } from '../support/crash-run.ts';
import { recipientRows } from '../support/engine-harness.ts';

// CRASH_SEED=<n> replays a run's kills and the sandbox's faults and latencies (not the OS's timing).
const seed = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
// Enough rows that each run still has groups left at its kill point: a window holds four rows per worker.
const rowCount = 400;
const random = seededRandom(seed);
/** Three kills at each of the group commit's two windows (docs/architecture.md §5.9), alternating. */
const plan: SelfKill[] = Array.from({ length: 6 }, (_, index) => ({
  step: index % 2 === 0 ? 'window-committed' : 'answers-committing',
  at: 1 + Math.floor(random() * 8),
}));

describe('batch engine killed between a group commit and the requests or answers around it', () => {
  const crash = useCrashRun({
    seed,
    dirPrefix: 'giftbatch-crash-groups-',
    faults: { latencyMs: 10, jitterMs: 8 },
  });

  it(
    `sends each of ${String(rowCount)} rows once across ${String(plan.length)} SIGKILLs (seed ${String(seed)})`,
    { timeout: 120_000 },
    async () => {
      const harness = crash.harness();
      const batchId = await harness.commitBatch(recipientRows(rowCount));
      const args = { dataDir: harness.dataDir, batchId, sandboxUrl: harness.sandbox.sandbox.url };
      const stateOf = (rowNo: number) => harness.repository.rowView(batchId, rowNo).state;

      for (const [iteration, kill] of plan.entries()) {
        const queuedBefore = new Set(
          (harness.repository.detail(batchId, Date.now())?.rows ?? [])
            .filter((row) => row.state === 'queued')
            .map((row) => row.rowNo),
        );
        const child = crash.startChild({ ...args, kill });
        const exit = await child.exited;
        const where = `seed ${String(seed)}, kill ${String(iteration)} ${JSON.stringify(kill)}; stderr: ${child.stderr()}`;
        expect(exit, where).toEqual({ code: null, signal: 'SIGKILL' });

        const ordered = await crash.orderedOnce(where);
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

      await expectCompletedOnce(harness, crash.startChild({ ...args, kill: null }), batchId, rowCount, seed);
    },
  );
});
