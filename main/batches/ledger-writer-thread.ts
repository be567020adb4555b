import { parentPort, workerData } from 'node:worker_threads';
import { openLedgerConnection } from '../ledger/open-ledger.ts';
import { createBatchRepository } from './batch-repository.ts';
import type { WriterReply, WriterRequest, WriterStart } from './ledger-writer.ts';
import { applySendWrites, ledgerFailureOf } from './send-writes.ts';

/**
 * The ledger's writer thread (docs/architecture.md §5.9): commits the sender's groups on a connection of
 * its own, so the wait for the disk happens here and not on the event loop every request shares.
 */
const start = workerData as WriterStart; // set by threadLedgerWriter, our own code
const repository = createBatchRepository(openLedgerConnection(start.filePath));

parentPort?.on('message', (request: WriterRequest) => {
  let reply: WriterReply;
  try {
    const outcome = applySendWrites(repository, request.batchId, request.ownerId, request.writes);
    reply = { kind: 'done', id: request.id, outcome };
  } catch (error) {
    reply = { kind: 'failed', id: request.id, error: ledgerFailureOf(error) };
  }
  parentPort?.postMessage(reply);
});
parentPort?.postMessage({ kind: 'ready' } satisfies WriterReply);
