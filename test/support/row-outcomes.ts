import type { RowFailure } from '../../common/contract/batches.ts';
import { createBatchRepository, type BatchRepository } from '../../main/batches/batch-repository.ts';
import { openLedger } from '../../main/ledger/open-ledger.ts';

/** A row's request sent and answered with an order in `state`, recorded as the engine records it. */
export const recordSentOrder = (
  repository: BatchRepository,
  batchId: string,
  rowNo: number,
  state: 'pending' | 'fulfilled' | 'failed',
  orderId: string,
): void => {
  repository.markSubmitting(batchId, rowNo);
  repository.recordOrder(batchId, rowNo, {
    orderId,
    state,
    costCents: null,
    claimLinks: 0,
    providerStatus: state === 'fulfilled' ? 'Completed' : state === 'failed' ? 'Failed' : 'Pending',
    via: 'created',
  });
};

/** A row's request sent and failed with `failure`, recorded as the engine records it. */
export const failSentRow = (
  repository: BatchRepository,
  batchId: string,
  rowNo: number,
  failure: RowFailure,
  responseClass: string,
): void => {
  repository.markSubmitting(batchId, rowNo);
  repository.failRow(batchId, rowNo, 'failed', failure, responseClass);
};

/** `failSentRow` in the ledger of a data folder a CLI has written, between two runs of it. */
export const failSentRowInLedger = (
  dataDir: string,
  batchId: string,
  rowNo: number,
  failure: RowFailure,
  responseClass: string,
): void => {
  const ledger = openLedger(dataDir);
  try {
    failSentRow(createBatchRepository(ledger), batchId, rowNo, failure, responseClass);
  } finally {
    ledger.close();
  }
};

/**
 * The provider's 400 for row `rowNo`, written to the ledger of `dataDir` as the engine records it: the
 * row waits to be edited and sent again. (The embedded sandbox accepts every row main validates.)
 */
export const rejectSentRowInLedger = (dataDir: string, batchId: string, rowNo: number): void => {
  failSentRowInLedger(
    dataDir,
    batchId,
    rowNo,
    {
      kind: 'invalid_request',
      message: 'The provider rejected this row (LineItems[0].DigitalDeliveryAddress.Email: not deliverable).',
      retry: 'edit',
    },
    'invalid_request',
  );
};
