import { describe, expect, it } from 'vitest';
import {
  batchStates,
  canMoveBatch,
  canMoveRow,
  rowStates,
  type BatchState,
  type RowState,
} from './states.ts';

const allRowMoves = rowStates.flatMap((from) => rowStates.map((to) => [from, to] as const));
const allBatchMoves = batchStates.flatMap((from) => batchStates.map((to) => [from, to] as const));

describe('the row state machine', () => {
  const allowed: readonly (readonly [RowState, RowState])[] = [
    ['queued', 'submitting'],
    ['queued', 'cancelled'],
    ['queued', 'failed'],
    ['submitting', 'pending'],
    ['submitting', 'fulfilled'],
    ['submitting', 'failed'],
    ['submitting', 'needs_review'],
    ['submitting', 'queued'],
    ['pending', 'fulfilled'],
    ['pending', 'failed'],
    ['pending', 'needs_review'],
    ['failed', 'queued'],
    ['failed', 'submitting'],
    ['needs_review', 'submitting'],
    ['needs_review', 'fulfilled'],
    ['needs_review', 'failed'],
  ];

  it('allows exactly the documented moves', () => {
    const expected = new Set(allowed.map(([from, to]) => `${from}->${to}`));
    for (const [from, to] of allRowMoves) {
      expect(canMoveRow(from, to), `${from} -> ${to}`).toBe(expected.has(`${from}->${to}`));
    }
  });

  it('never lets a row that may hold an order be cancelled or go straight back to sending', () => {
    for (const from of rowStates.filter((state) => state !== 'queued')) {
      expect(canMoveRow(from, 'cancelled')).toBe(false);
    }
    // A pending order is polled, never resent.
    expect(canMoveRow('pending', 'queued')).toBe(false);
    expect(canMoveRow('pending', 'submitting')).toBe(false);
    expect(canMoveRow('fulfilled', 'queued')).toBe(false);
  });

  it('has final states that never move', () => {
    for (const to of rowStates) {
      expect(canMoveRow('fulfilled', to)).toBe(false);
      expect(canMoveRow('cancelled', to)).toBe(false);
    }
  });
});

describe('the batch state machine', () => {
  const allowed: readonly (readonly [BatchState, BatchState])[] = [
    ['ready', 'sending'],
    ['ready', 'cancelled'],
    ['sending', 'paused'],
    ['sending', 'completed'],
    ['sending', 'completed_with_failures'],
    ['sending', 'cancelled'],
    ['paused', 'sending'],
    ['paused', 'cancelled'],
    ['completed_with_failures', 'sending'],
  ];

  it('allows exactly the documented moves', () => {
    const expected = new Set(allowed.map(([from, to]) => `${from}->${to}`));
    for (const [from, to] of allBatchMoves) {
      expect(canMoveBatch(from, to), `${from} -> ${to}`).toBe(expected.has(`${from}->${to}`));
    }
  });

  it('keeps completed and cancelled batches final', () => {
    for (const to of batchStates) {
      expect(canMoveBatch('completed', to)).toBe(false);
      expect(canMoveBatch('cancelled', to)).toBe(false);
    }
  });
});
