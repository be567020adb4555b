import { describe, expect, it } from 'vitest';
import type { BatchDetail, BatchProgress, BatchRowView } from '../../../common/contract/batches.ts';
import { setUpAppUnderTest } from '../../../test/support/app-under-test.ts';
import { seedDraft, sendDraft } from '../testing/seed-batches.ts';
import { createBatchesStore } from './batches-store.ts';

const testEnv = setUpAppUnderTest();

/** A batch main has committed and is sending, and its detail as main reports it. */
const sentBatch = async (rows: number): Promise<BatchDetail> => {
  const summary = await sendDraft(testEnv.api, await seedDraft(testEnv.api, 'Store test', rows));
  const detail = await testEnv.api.getBatch({ batchId: summary.id });
  if (!detail.ok) throw new Error(detail.error.message);
  return detail.value;
};

const rowAt = (detail: BatchDetail, rowNo: number): BatchRowView => {
  const row = detail.rows.find((candidate) => candidate.rowNo === rowNo);
  if (row === undefined) throw new Error(`no row ${String(rowNo)}`);
  return row;
};

/** A progress event as main would push it: a later summary and the rows that changed. */
const progressOf = (detail: BatchDetail, changedRows: readonly BatchRowView[]): BatchProgress => ({
  summary: {
    ...detail.summary,
    counts: { ...detail.summary.counts, fulfilled: detail.summary.counts.fulfilled + 1 },
  },
  changedRows: [...changedRows],
});

const later = '9999-01-01T00:00:00.000Z';
const earlier = '1970-01-01T00:00:00.000Z';

describe('the batches store merging progress events', () => {
  it('replaces only the rows an event names, keeping every other row as it was', async () => {
    const detail = await sentBatch(3);
    const store = createBatchesStore(testEnv.api);
    await store.getState().batchOpened(detail.summary.id);
    const before = store.getState().tracks[detail.summary.id];
    if (before === undefined) throw new Error('not tracked');

    const changed: BatchRowView = { ...rowAt(detail, 2), state: 'failed', updatedAt: later, orderId: null };
    store.getState().progressReceived(progressOf(detail, [changed]));

    const after = store.getState().tracks[detail.summary.id];
    expect(after?.rows.map((row) => row.rowNo)).toEqual([1, 2, 3]);
    expect(after?.rows[1]).toEqual(changed);
    expect(after?.rows[0]).toBe(before.rows[0]);
    expect(after?.rows[2]).toBe(before.rows[2]);
    expect(after?.summary.counts.fulfilled).toBe(detail.summary.counts.fulfilled + 1);
    expect(store.getState().summaries.find((known) => known.id === detail.summary.id)).toBe(after?.summary);
  });

  it('never takes a row back in time when an older copy arrives after a newer one', async () => {
    const detail = await sentBatch(2);
    const store = createBatchesStore(testEnv.api);
    await store.getState().batchOpened(detail.summary.id);
    const newer: BatchRowView = { ...rowAt(detail, 1), state: 'fulfilled', updatedAt: later };
    store.getState().progressReceived(progressOf(detail, [newer]));
    store
      .getState()
      .progressReceived(progressOf(detail, [{ ...newer, state: 'submitting', updatedAt: earlier }]));
    expect(store.getState().tracks[detail.summary.id]?.rows[0]?.state).toBe('fulfilled');
  });

  it('applies progress that arrived while the batch was loading on top of the loaded rows', async () => {
    const detail = await sentBatch(2);
    const store = createBatchesStore(testEnv.api);
    const loading = store.getState().batchOpened(detail.summary.id);
    store
      .getState()
      .progressReceived(
        progressOf(detail, [{ ...rowAt(detail, 2), state: 'needs_review', updatedAt: later }]),
      );
    await loading;
    expect(store.getState().tracks[detail.summary.id]?.rows[1]?.state).toBe('needs_review');
  });

  it('lists a batch it first hears of through an event, newest first', async () => {
    const first = await sentBatch(1);
    const store = createBatchesStore(testEnv.api);
    await store.getState().batchesRequested();
    const second = await sentBatch(1);
    store.getState().progressReceived(progressOf(second, []));
    expect(store.getState().summaries.map((summary) => summary.id)).toEqual([
      second.summary.id,
      first.summary.id,
    ]);
  });

  it('follows a real send to the end through main’s events, then reads the balance again', async () => {
    const { stores } = testEnv;
    const detail = await sentBatch(25);
    await stores.batches.getState().batchOpened(detail.summary.id);
    await expect
      .poll(() => stores.batches.getState().tracks[detail.summary.id]?.summary.status, { timeout: 20_000 })
      .toBe('completed');
    const track = stores.batches.getState().tracks[detail.summary.id];
    expect(track?.rows.every((row) => row.state === 'fulfilled' && row.orderId !== null)).toBe(true);
    expect(track?.summary.counts.fulfilled).toBe(25);
    // 25 × $24.38 = $609.50 spent from the sandbox's $10,000.00.
    await expect
      .poll(() => stores.connection.getState().connection?.balance?.availableCents)
      .toBe(10_000_00 - 609_50);
  }, 30_000);
});
