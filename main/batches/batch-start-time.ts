import type { AuditedWrites } from './audited-writes.ts';
import type { BatchRecord } from './batch-records.ts';
import { LedgerConflict } from './ledger-conflict.ts';

/**
 * Sets or clears a committed batch's start time (docs/architecture.md §5.14). Only a batch that has not
 * started can wait for a time; its event says who changed it from what, in the verified chain.
 */
export const createStartTimeWriter =
  (writes: AuditedWrites, batchRecord: (batchId: string) => BatchRecord, stamp: () => string) =>
  (batchId: string, startAt: string | null, operator: string): void => {
    const batch = batchRecord(batchId);
    if (batch.status !== 'ready') {
      throw new LedgerConflict(
        `Batch ${batchId} has already started (${batch.status.replace(/_/g, ' ')}); its start time cannot change.`,
      );
    }
    if (batch.scheduled_for === startAt) return;
    writes.updateBatch(
      batch,
      { scheduled_for: startAt },
      stamp(),
      startAt === null
        ? { kind: 'batch.unscheduled', detail: { was: batch.scheduled_for, by: operator } }
        : { kind: 'batch.scheduled', detail: { for: startAt, was: batch.scheduled_for, by: operator } },
    );
  };
