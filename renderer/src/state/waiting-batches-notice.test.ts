import { describe, expect, it } from 'vitest';
import { setUpAppUnderTest } from '../../../test/support/app-under-test.ts';
import { seedDraft, sendDraft } from '../testing/seed-batches.ts';
import { announceWaitingBatches } from './waiting-batches-notice.ts';

const testEnv = setUpAppUnderTest();

describe('announceWaitingBatches', () => {
  it('says nothing when no batch waits', async () => {
    await announceWaitingBatches(testEnv.api, testEnv.stores);
    expect(testEnv.stores.ui.getState().notices).toEqual([]);
  });

  it('names a paused batch and points to History', async () => {
    await testEnv.api.updateSendingSettings({ requestsPerSecond: 1, concurrency: 1 });
    const batch = await sendDraft(testEnv.api, await seedDraft(testEnv.api, 'Holiday bonus', 5));
    expect((await testEnv.api.pauseBatch({ batchId: batch.id })).ok).toBe(true);
    await expect
      .poll(async () => {
        const listed = await testEnv.api.listBatches();
        return listed.ok ? listed.value[0]?.status : undefined;
      })
      .toBe('paused');

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
});
