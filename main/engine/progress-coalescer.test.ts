import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BatchProgress } from '../../common/contract/batches.ts';
import { batchSummaryFixture } from '../../test/support/batch-summary-fixture.ts';
import { createProgressCoalescer } from './progress-coalescer.ts';

const progress: BatchProgress = {
  summary: batchSummaryFixture(),
  changedRows: [],
};

describe('the progress coalescer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const setup = () => {
    const reads: number[][] = [];
    const emitted: BatchProgress[] = [];
    const coalescer = createProgressCoalescer({
      intervalMs: 100,
      read: (rowNos) => {
        reads.push([...rowNos]);
        return progress;
      },
      emit: (progress) => emitted.push(progress),
    });
    return { coalescer, reads, emitted };
  };

  it('sends one message per interval with every row that changed in it', () => {
    const { coalescer, reads, emitted } = setup();
    for (let row = 1; row <= 500; row += 1) coalescer.touch(row);
    coalescer.touch(3);
    expect(emitted).toHaveLength(0);
    vi.advanceTimersByTime(100);
    expect(emitted).toHaveLength(1);
    expect(reads[0]).toHaveLength(500);
    expect(new Set(reads[0])).toEqual(new Set(Array.from({ length: 500 }, (_, index) => index + 1)));
  });

  it('is silent when nothing changed, and starts a new interval with the next change', () => {
    const { coalescer, reads } = setup();
    vi.advanceTimersByTime(1_000);
    expect(reads).toHaveLength(0);
    coalescer.touch(1);
    vi.advanceTimersByTime(100);
    coalescer.touch(2);
    coalescer.touch(3);
    vi.advanceTimersByTime(99);
    expect(reads).toEqual([[1]]);
    vi.advanceTimersByTime(1);
    expect(reads).toEqual([[1], [2, 3]]);
  });

  it('reports a batch-level change with no rows', () => {
    const { coalescer, reads } = setup();
    coalescer.touch();
    vi.advanceTimersByTime(100);
    expect(reads).toEqual([[]]);
  });

  it('flushes at once on demand, and only what is left', () => {
    const { coalescer, reads } = setup();
    coalescer.touch(7);
    coalescer.flush();
    coalescer.flush();
    expect(reads).toEqual([[7]]);
    vi.advanceTimersByTime(1_000);
    expect(reads).toEqual([[7]]);
  });

  it('emits nothing when the batch cannot be read', () => {
    const emitted: BatchProgress[] = [];
    const coalescer = createProgressCoalescer({
      intervalMs: 100,
      read: () => undefined,
      emit: (progress) => emitted.push(progress),
    });
    coalescer.touch(1);
    vi.advanceTimersByTime(100);
    expect(emitted).toHaveLength(0);
  });
});
