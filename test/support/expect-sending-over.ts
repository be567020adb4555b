import { expect } from 'vitest';
import type { EngineHarness } from './engine-harness.ts';

/**
 * Once `run()` has answered, nothing more can reach the provider for this batch: the run promise ends
 * only after every worker has, and a request only leaves from a run holding the batch's lease with its
 * row committed as submitting. So the end is observed, not waited for: no run, no lease, no row mid-request.
 */
export const expectSendingOver = (harness: EngineHarness, batchId: string): void => {
  expect(harness.engine.isSending(batchId)).toBe(false);
  expect(harness.repository.leaseOwner(batchId).owner).toBeNull();
  expect(harness.queries.summary(batchId)?.counts.submitting).toBe(0);
};
