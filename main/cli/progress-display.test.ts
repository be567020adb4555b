import { describe, expect, it } from 'vitest';
import type { BatchSummary } from '../../common/contract/batches.ts';
import { batchSummaryFixture } from '../../test/support/batch-summary-fixture.ts';
import { createProgressDisplay } from './progress-display.ts';

const summary = (status: BatchSummary['status'], fulfilled: number): BatchSummary =>
  batchSummaryFixture({ status, counts: { rows: 10, queued: 10 - fulfilled, fulfilled } });

describe('progress display', () => {
  it('without a terminal: a line per state change, otherwise at most one a second', () => {
    const written: string[] = [];
    let now = 0;
    const display = createProgressDisplay(
      (text) => written.push(text),
      false,
      () => now,
    );
    display.update(summary('sending', 0));
    display.update(summary('sending', 1));
    now = 500;
    display.update(summary('sending', 2));
    now = 1_000;
    display.update(summary('sending', 3));
    now = 1_100;
    display.update(summary('completed', 10));
    display.finish();
    expect(written).toEqual([
      'ABCDEFGH sending 0/10: 0 fulfilled, 0 in progress, 10 queued, 0 failed, 0 need review\n',
      'ABCDEFGH sending 3/10: 3 fulfilled, 0 in progress, 7 queued, 0 failed, 0 need review\n',
      'ABCDEFGH completed 10/10: 10 fulfilled, 0 in progress, 0 queued, 0 failed, 0 need review\n',
    ]);
  });

  it('on a terminal: one line rewritten in place, ended by finish', () => {
    const written: string[] = [];
    const display = createProgressDisplay((text) => written.push(text), true);
    display.update(summary('sending', 5));
    display.update(summary('completed', 10));
    display.finish();
    expect(written).toHaveLength(3);
    expect(written[0]).toMatch(/^\rABCDEFGH \[#{12}-{12}\] 5\/10 sending/);
    expect(written[1]).toMatch(/^\rABCDEFGH \[#{24}\] 10\/10 completed/);
    expect(written[2]).toBe('\n');
  });
});
