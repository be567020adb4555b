import { afterEach, describe, expect, it } from 'vitest';
import { formatStartTime, lateAfterMs } from '../../common/batches/schedule.ts';
import { verifyLedger } from '../../main/audit/verify-ledger.ts';
import { sandboxProvider } from '../../main/connection/destination.ts';
import { startDueBatches } from '../../main/engine/scheduled-starts.ts';
import { killStartedClis, runCli } from '../fixtures/cli/run-cli.ts';
import { recipientRows, type EngineHarness } from '../support/engine-harness.ts';
import { useEngineHarness } from '../support/use-engine-harness.ts';

const engines = useEngineHarness();
afterEach(killStartedClis);

const inMinutes = (minutes: number): string => new Date(Date.now() + minutes * 60_000).toISOString();

/** Reviews three recipients and sends them with "Send at…" `startAt`. */
const schedule = async (harness: EngineHarness, startAt: string) => {
  const source = harness.source(recipientRows(3));
  const review = await harness.service.review(source, new Set());
  if (!review.ok) throw new Error(review.error.message);
  return harness.service.send(source, {
    batchId: review.value.batchId,
    excludeRowIds: new Set(),
    expectedCostCents: review.value.cost.costCents,
    startAt,
  });
};

const ordersPlaced = async (harness: EngineHarness): Promise<number> =>
  (await harness.requestsByRoute())['POST /v1/Orders'] ?? 0;

describe('Send at…', () => {
  it('commits the batch with its PO numbers at once, sends nothing before its time, and starts when due', async () => {
    const harness = await engines.start();
    const startAt = inMinutes(30);
    const scheduled = await schedule(harness, startAt);
    if (!scheduled.ok) throw new Error(scheduled.error.message);
    expect(scheduled.value).toMatchObject({ status: 'ready', scheduledFor: startAt });
    expect(scheduled.value.firstPoNumber).toMatch(/^GB-/);

    const before = startDueBatches({
      scheduled: () => harness.queries.scheduled(),
      start: (id) => harness.engine.start(id),
      nowMs: Date.parse(startAt) - 1000,
      allowLate: false,
    });
    expect(before.started).toEqual([]);
    expect(await ordersPlaced(harness)).toBe(0);

    const due = startDueBatches({
      scheduled: () => harness.queries.scheduled(),
      start: (id) => harness.engine.start(id),
      nowMs: Date.parse(startAt) + 1000,
      allowLate: false,
    });
    expect(due.started.map((batch) => batch.id)).toEqual([scheduled.value.id]);
    const ran = await harness.engine.run(scheduled.value.id);
    expect(ran.ok && ran.value.status).toBe('completed');
    expect(await ordersPlaced(harness)).toBe(3);
    // Kept after the start, so the record shows it was scheduled; and the chain vouches for every write.
    expect(harness.queries.summary(scheduled.value.id)?.scheduledFor).toBe(startAt);
    expect(harness.queries.scheduled()).toEqual([]);
    expect((await verifyLedger(harness.db)).problems).toEqual([]);
    const kinds = harness.db
      .prepare<[string], { kind: string }>(
        'SELECT kind FROM events WHERE batch_id = ? AND row_no IS NULL ORDER BY seq',
      )
      .all(scheduled.value.id)
      .map((event) => event.kind)
      .slice(0, 2);
    expect(kinds).toEqual(['batch.ready', 'batch.scheduled']);
  });

  it('leaves a late batch for the user: not started without allowLate, started with it', async () => {
    const harness = await engines.start();
    const startAt = inMinutes(1);
    const scheduled = await schedule(harness, startAt);
    if (!scheduled.ok) throw new Error(scheduled.error.message);
    const look = (allowLate: boolean) =>
      startDueBatches({
        scheduled: () => harness.queries.scheduled(),
        start: (id) => harness.engine.start(id),
        nowMs: Date.parse(startAt) + lateAfterMs + 1000,
        allowLate,
      });

    const asked = look(false);
    expect(asked.late.map((batch) => batch.id)).toEqual([scheduled.value.id]);
    expect(asked.started).toEqual([]);
    expect(harness.queries.summary(scheduled.value.id)?.status).toBe('ready');

    expect(look(true).started.map((batch) => batch.id)).toEqual([scheduled.value.id]);
    const ran = await harness.engine.run(scheduled.value.id);
    expect(ran.ok && ran.value.status).toBe('completed');
  });

  it('refuses a start time in the past before committing anything', async () => {
    const harness = await engines.start();
    const refused = await schedule(harness, '2020-01-01T09:00:00.000Z');
    expect(refused.ok || refused.error.message).toBe('Choose a start time in the future.');
    expect(harness.queries.list()).toEqual([]);
  });

  it('reschedules or cancels a batch until it starts, and refuses a new time once it has', async () => {
    const harness = await engines.start();
    const scheduled = await schedule(harness, inMinutes(30));
    if (!scheduled.ok) throw new Error(scheduled.error.message);
    const later = inMinutes(90);
    const moved = harness.service.reschedule(scheduled.value.id, later);
    expect(moved.ok && moved.value.scheduledFor).toBe(later);
    const unscheduled = harness.service.reschedule(scheduled.value.id, null);
    expect(unscheduled.ok && unscheduled.value.scheduledFor).toBeNull();

    const second = await schedule(harness, inMinutes(30));
    if (!second.ok) throw new Error(second.error.message);
    const cancelled = harness.engine.cancel(second.value.id);
    expect(cancelled.ok && cancelled.value.status).toBe('cancelled');
    expect(harness.queries.scheduled().map((batch) => batch.id)).toEqual([]);

    const ran = await harness.engine.run(scheduled.value.id);
    expect(ran.ok && ran.value.status).toBe('completed');
    const refused = harness.service.reschedule(scheduled.value.id, inMinutes(30));
    expect(refused.ok || refused.error.message).toMatch(/has already started \(completed\)/);
    expect(await ordersPlaced(harness)).toBe(3);
  });
});

describe('giftbatch run-due', () => {
  /** An engine recording batches for the sandbox as the CLI names it, so the CLI may send them. */
  const startForCli = async (): Promise<EngineHarness> => {
    let provider = '';
    const harness = await engines.start({
      engine: { destination: () => ({ environment: 'sandbox', provider }) },
    });
    const identity = (await (await fetch(`${harness.sandbox.sandbox.url}/_sim/identity`)).json()) as {
      Id: string;
    };
    provider = sandboxProvider(identity.Id);
    return harness;
  };

  it('says nothing is due, leaves a late batch unsent (exit 3), and sends it with --allow-late', async () => {
    const harness = await startForCli();
    const cliArgs = ['--data-dir', harness.dataDir, '--api-url', harness.sandbox.sandbox.url];
    const nothing = await runCli(['run-due', ...cliArgs]);
    expect(nothing).toMatchObject({ code: 0, stdout: 'No batch is scheduled.\n' });

    const scheduled = await schedule(harness, inMinutes(30));
    if (!scheduled.ok) throw new Error(scheduled.error.message);
    const waiting = await runCli(['run-due', ...cliArgs]);
    expect(waiting.code).toBe(0);
    expect(waiting.stdout).toContain(`No batch is due. Next: ${scheduled.value.id}`);

    // As if the computer was asleep at the time: the start time has passed by more than the grace.
    const lateStart = new Date(Date.now() - lateAfterMs - 60_000).toISOString();
    harness.db
      .prepare('UPDATE batches SET scheduled_for = ? WHERE id = ?')
      .run(lateStart, scheduled.value.id);
    const late = await runCli(['run-due', ...cliArgs]);
    expect(late.code).toBe(3);
    expect(late.stderr).toContain(`Batch ${scheduled.value.id} (`);
    // The start time said as the app says it ("Tue 24 Dec, 09:00"), not in another format.
    expect(late.stderr).toContain(
      `was scheduled for ${formatStartTime(lateStart, Date.now())} and is late: not sent`,
    );
    expect(await ordersPlaced(harness)).toBe(0);

    const sent = await runCli(['run-due', '--allow-late', ...cliArgs]);
    expect(sent.stderr).toBe('');
    expect(sent.code).toBe(0);
    expect(await ordersPlaced(harness)).toBe(3);
    expect(harness.queries.summary(scheduled.value.id)?.status).toBe('completed');
  }, 120_000);
});
