import { describe, expect, it } from 'vitest';
import type { GiftBatchApi } from '../../../common/contract/channels.ts';
import { setUpAppUnderTest } from '../../../test/support/app-under-test.ts';
import { seedDraft, sendDraft } from '../testing/seed-batches.ts';
import { announceWaitingBatches } from './waiting-batches-notice.ts';

const testEnv = setUpAppUnderTest();

const statusOf = async (api: GiftBatchApi, batchId: string) => {
  const listed = await api.listBatches();
  return listed.ok ? listed.value.find((batch) => batch.id === batchId)?.status : undefined;
};

/** A batch sent slowly enough to be paused after its first rows. */
const pausedBatch = async (name: string) => {
  const { api } = testEnv;
  const batch = await sendDraft(api, await seedDraft(api, name, 5));
  expect((await api.pauseBatch({ batchId: batch.id })).ok).toBe(true);
  await expect.poll(() => statusOf(api, batch.id)).toBe('paused');
  return batch;
};

const noticeText = () =>
  testEnv.stores.ui.getState().notices.find((notice) => notice.id === 'waiting-batches')?.message;

describe('announceWaitingBatches', () => {
  it('says nothing when no batch waits', async () => {
    await announceWaitingBatches(testEnv.api, testEnv.stores);
    expect(testEnv.stores.ui.getState().notices).toEqual([]);
  });

  it('names a paused batch and points to History', async () => {
    await testEnv.api.updateSendingSettings({ requestsPerSecond: 1, concurrency: 1 });
    await pausedBatch('Holiday bonus');

    await announceWaitingBatches(testEnv.api, testEnv.stores);
    expect(testEnv.stores.ui.getState().notices).toEqual([
      {
        id: 'waiting-batches',
        level: 'warning',
        message:
          '"Holiday bonus" has rows not yet sent. Open History to resume: rows already sent are never sent twice.',
      },
    ]);
  }, 20_000);

  it('stops naming a batch once it is resumed, and goes when none waits any more', async () => {
    const { api, stores } = testEnv;
    await api.updateSendingSettings({ requestsPerSecond: 1, concurrency: 1 });
    const first = await pausedBatch('Holiday bonus');
    const second = await pausedBatch('Shop thanks');
    const stop = await announceWaitingBatches(api, stores);
    expect(noticeText()).toMatch(/^"(Holiday bonus|Shop thanks)", "(Holiday bonus|Shop thanks)" have rows/);

    await api.updateSendingSettings({ requestsPerSecond: 20, concurrency: 4 });
    await stores.batches.getState().actionRequested('resumeBatch', first.id);
    await expect
      .poll(noticeText)
      .toBe(
        '"Shop thanks" has rows not yet sent. Open History to resume: rows already sent are never sent twice.',
      );
    await stores.batches.getState().actionRequested('resumeBatch', second.id);
    await expect.poll(noticeText).toBeUndefined();
    await expect.poll(() => statusOf(api, second.id), { timeout: 15_000 }).toBe('completed');
    expect(stores.ui.getState().notices).toEqual([]);
    stop();
  }, 40_000);
});
