import { expect, it } from 'vitest';
import { createHistory } from '../../main/batches/history.ts';
import { createDraftsRepository } from '../../main/drafts/drafts-repository.ts';
import { recipientRows, type EngineHarness } from '../support/engine-harness.ts';
import { useEngineHarness } from '../support/use-engine-harness.ts';

const rowCost = 2_438;
const engines = useEngineHarness();

const historyOf = (engine: EngineHarness) =>
  createHistory({ ledger: engine.db, queries: engine.queries, drafts: createDraftsRepository(engine.db) });

it('charges the orders placed before a 422 pause, pending or not, and says why the batch paused', async () => {
  // Every order stays pending for minutes; the account affords three rows.
  const harness = await engines.start({
    sandbox: {
      balanceCents: 3 * rowCost + 500,
      pendingThresholdCards: 0,
      completionDelayMs: { min: 600_000, max: 600_000 },
    },
    sending: { concurrency: 1 },
  });
  const batchId = await harness.commitBatch(recipientRows(10), 'Holiday bonus');
  const paused = await harness.engine.run(batchId);
  expect(paused.ok && paused.value.status).toBe('paused');

  const history = historyOf(harness);
  const [listed] = history.list({
    filter: { search: 'Holiday' },
    sort: { column: 'createdAt', direction: 'desc' },
    limit: 10,
    offset: 0,
  }).batches;
  expect(listed?.summary.counts).toMatchObject({ pending: 3, queued: 7 });
  expect(listed?.summary.fulfilledCostCents).toBe(0);
  expect(listed?.summary.chargedCostCents).toBe(3 * rowCost);
  expect(harness.queries.summary(batchId)?.chargedCostCents).toBe(3 * rowCost);

  const record = history.record(batchId, { limit: 100, offset: 0 });
  const texts = record?.timeline.map((entry) => entry.text) ?? [];
  expect(texts[0]).toMatch(/^Committed by .+@.+: 10 rows, reviewed total \$243\.80$/);
  expect(texts).toContain('Sending started');
  expect(texts).toContain('3 orders pending');
  expect(texts.at(-1)).toMatch(/^Paused: insufficient funds/);
  expect(record?.rows[0]).toMatchObject({
    rowNo: 1,
    firstName: 'First1',
    lastName: 'Tester',
    destination: 'person1@example.org',
    deliveryType: 'DigitalDelivery',
    faceValueCents: 2500,
    quantity: 1,
    state: 'pending',
    attempts: 1,
  });
});

it('charges an order found again through a 409 after its answer was lost', async () => {
  const harness = await engines.start();
  const batchId = await harness.commitBatch(recipientRows(2));
  const { repository, sandbox } = harness;
  // The answer to row 1's request was lost: the order exists, the ledger only knows it was sent.
  repository.setStatus(batchId, 'sending');
  const sent = repository.markSubmitting(batchId, 1);
  expect((await sandbox.client.createOrder(sent.request)).ok).toBe(true);
  repository.setStatus(batchId, 'paused', {
    kind: 'interrupted',
    message: 'The app stopped while sending.',
    advice: 'Resume.',
    shortfallCents: null,
  });
  expect(harness.queries.summary(batchId)?.chargedCostCents).toBe(0);

  const done = await harness.engine.run(batchId);
  expect(done.ok && done.value.status).toBe('completed');
  expect(await sandbox.stats()).toEqual({ orderCreateRequests: 3, ordersCreated: 2 });
  expect(harness.queries.summary(batchId)?.chargedCostCents).toBe(2 * rowCost);
  const texts = historyOf(harness)
    .record(batchId, { limit: 10, offset: 0 })
    ?.timeline.map((entry) => entry.text);
  expect(texts).toEqual(
    expect.arrayContaining([
      'Interrupted: the app or command line stopped while sending',
      'Resumed',
      '2 rows fulfilled',
      'Completed',
    ]),
  );
});
