import { describe, expect, it } from 'vitest';
import { batchSummaryFixture } from '../../../test/support/batch-summary-fixture.ts';
import { announceLateBatches } from './late-batches-notice.ts';
import { createUiStore } from './ui-store.ts';

const now = Date.parse('2026-12-24T09:30:00Z');

describe('announceLateBatches', () => {
  it('names each scheduled batch found more than five minutes past its time, and no other', () => {
    const ui = createUiStore();
    announceLateBatches(
      [
        batchSummaryFixture({
          id: 'LATE0001',
          name: 'Holiday bonus',
          status: 'ready',
          scheduledFor: '2026-12-24T09:00:00.000Z',
        }),
        batchSummaryFixture({ id: 'DUE00001', status: 'ready', scheduledFor: '2026-12-24T09:27:00.000Z' }),
        batchSummaryFixture({ id: 'LATER001', status: 'ready', scheduledFor: '2026-12-24T12:00:00.000Z' }),
        batchSummaryFixture({
          id: 'SENT0001',
          status: 'completed',
          scheduledFor: '2026-12-24T08:00:00.000Z',
        }),
        batchSummaryFixture({ id: 'NOW00001', status: 'ready', scheduledFor: null }),
      ],
      ui,
      now,
    );
    const notices = ui.getState().notices;
    expect(notices.map((notice) => [notice.id, notice.level])).toEqual([
      ['scheduled-late-LATE0001', 'warning'],
    ]);
    expect(notices[0]?.message).toMatch(
      /^Holiday bonus \(LATE0001\) was scheduled for \w{3} 24 Dec, \d{2}:\d{2} and has not been sent: GiftBatch was not running then\./,
    );
  });
});
