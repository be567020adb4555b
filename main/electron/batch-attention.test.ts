import { describe, expect, it } from 'vitest';
import type { BatchSummary } from '../../common/contract/batches.ts';
import { batchSummaryFixture } from '../../test/support/batch-summary-fixture.ts';
import { batchAttention } from './batch-attention.ts';

const summary = (
  status: BatchSummary['status'],
  counts: Partial<BatchSummary['counts']> = {},
): BatchSummary =>
  batchSummaryFixture({
    status,
    counts: { rows: 4, ...counts },
    reviewedCostCents: 10_000,
    fulfilledCostCents: 7_500,
    chargedCostCents: 7_500,
    lastPoNumber: 'GB-ABCDEFGH-0004',
  });

describe('batchAttention', () => {
  it('shows the share of rows done while sending, without a notification', () => {
    expect(batchAttention(summary('sending', { fulfilled: 3, queued: 1 }), 'sending')).toEqual({
      progress: 0.75,
      mode: 'normal',
      notification: null,
    });
  });

  it('notifies once when a batch completes, naming what was spent', () => {
    const done = summary('completed', { fulfilled: 4 });
    expect(batchAttention(done, 'sending').notification).toEqual({
      title: 'Holiday bonus sent',
      body: '4 rewards fulfilled, $75.00.',
    });
    expect(batchAttention(done, 'completed').notification).toBeNull();
  });

  it('marks failures in red and pauses in yellow', () => {
    const failed = batchAttention(summary('completed_with_failures', { fulfilled: 3, failed: 1 }), 'sending');
    expect(failed.mode).toBe('error');
    expect(failed.notification?.body).toBe('3 fulfilled, 1 need attention.');
    expect(batchAttention(summary('paused', { fulfilled: 2, queued: 2 }), 'sending').mode).toBe('paused');
  });
});
