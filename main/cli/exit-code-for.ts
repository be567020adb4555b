import type { BatchSummary, PauseReason } from '../../common/contract/batches.ts';
import type { AppErrorCode } from '../../common/errors.ts';
import { exitCodes } from './cli-command.ts';
import { assertNever } from '../../common/assert-never.ts';

/**
 * What kind of failure an error is, decided once for every code (a new code must be placed here):
 * the provider or the way to it (exit 5), a refusal of this batch's content, or a local mistake.
 */
type ErrorKind = 'content' | 'local' | 'provider' | 'funds';
const kindOf = (code: AppErrorCode): ErrorKind => {
  switch (code) {
    case 'validation':
    case 'invalid_request':
    case 'duplicate_po':
    case 'internal':
      return 'content';
    case 'insufficient_funds':
      return 'funds';
    case 'not_found':
    case 'untrusted_sender':
    case 'unknown_channel':
      return 'local';
    case 'unauthorized':
    case 'forbidden':
    case 'rate_limited':
    case 'timeout':
    case 'unavailable':
    case 'network':
    case 'bad_response':
    case 'not_configured':
    case 'unsupported_response':
      return 'provider';
    default:
      return assertNever(code);
  }
};

/** An error from the services before a batch was committed, as the exit code a script branches on. */
export const exitCodeForError = (code: AppErrorCode): number => {
  const kind = kindOf(code);
  if (kind === 'provider') return exitCodes.connection;
  return kind === 'local' ? exitCodes.usage : exitCodes.invalid;
};

/**
 * An error that ended the sending of a committed batch: never a code that means "nothing was
 * committed" (1, 4). The provider's refusals keep theirs; anything else interrupted the batch.
 */
export const exitCodeAfterCommit = (code: AppErrorCode): number => {
  const kind = kindOf(code);
  if (kind === 'funds') return exitCodes.paused;
  return kind === 'provider' ? exitCodes.connection : exitCodes.interrupted;
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
