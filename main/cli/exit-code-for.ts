import type { BatchSummary, PauseReason } from '../../common/contract/batches.ts';
import type { AppErrorCode } from '../../common/errors.ts';
import { exitCodes } from './cli-command.ts';
import { assertNever } from '../../common/assert-never.ts';

/** An error from the services before a batch was committed, as the exit code a script branches on. */
export const exitCodeForError = (code: AppErrorCode): number => {
  switch (code) {
    case 'validation':
    case 'invalid_request':
    case 'duplicate_po':
    case 'insufficient_funds':
    case 'internal':
      return exitCodes.invalid;
    case 'not_found':
    case 'untrusted_sender':
    case 'unknown_channel':
      return exitCodes.usage;
    case 'unauthorized':
    case 'forbidden':
    case 'rate_limited':
    case 'timeout':
    case 'unavailable':
    case 'network':
    case 'bad_response':
    case 'not_configured':
    case 'unsupported_response':
      return exitCodes.connection;
    default:
      return assertNever(code);
  }
};

/**
 * An error that ended the sending of a committed batch: never a code that means "nothing was
 * committed" (1, 4). The provider's refusals keep theirs; anything else interrupted the batch.
 */
export const exitCodeAfterCommit = (code: AppErrorCode): number => {
  switch (code) {
    case 'insufficient_funds':
      return exitCodes.paused;
    case 'unauthorized':
    case 'forbidden':
    case 'rate_limited':
    case 'timeout':
    case 'unavailable':
    case 'network':
    case 'bad_response':
    case 'not_configured':
    case 'unsupported_response':
      return exitCodes.connection;
    case 'validation':
    case 'invalid_request':
    case 'duplicate_po':
    case 'internal':
    case 'not_found':
    case 'untrusted_sender':
    case 'unknown_channel':
      return exitCodes.interrupted;
    default:
      return assertNever(code);
  }
};

const exitCodeForPause = (kind: PauseReason['kind']): number => {
  switch (kind) {
    case 'unauthorized':
    case 'forbidden':
    case 'not_configured':
      return exitCodes.connection;
    case 'insufficient_funds':
    case 'provider_unreachable':
    case 'interrupted':
    case 'user':
      return exitCodes.paused;
    default:
      return assertNever(kind);
  }
};

/** Where a batch ended up after sending, as an exit code: 0 only when every row was fulfilled. */
export const exitCodeForBatch = (summary: BatchSummary): number => {
  switch (summary.status) {
    case 'completed':
      return summary.counts.fulfilled === summary.counts.rows ? exitCodes.ok : exitCodes.rowsFailed;
    case 'completed_with_failures':
    case 'cancelled':
      return exitCodes.rowsFailed;
    case 'paused':
      return exitCodeForPause(summary.pauseReason?.kind ?? 'interrupted');
    case 'ready':
    case 'sending':
      return exitCodes.paused;
    default:
      return assertNever(summary.status);
  }
};
