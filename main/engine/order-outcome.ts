import type { PauseReason, RowFailure } from '../../common/contract/batches.ts';
import type { Result } from '../../common/result.ts';
import { adviceFor, isRetryable, type ApiError } from '../api/api-error.ts';
import type { Order, PlacedOrder } from '../api/order-types.ts';
import type { OrderOutcome } from '../batches/batch-repository.ts';

/** What the engine does with a row once its create call has ended. */
export type RowAction =
  | { readonly kind: 'record'; readonly outcome: OrderOutcome }
  /** No order was made, and none may be tried until the user acts: the whole batch pauses. */
  | { readonly kind: 'pause'; readonly reason: PauseReason; readonly responseClass: string }
  | { readonly kind: 'fail'; readonly to: 'failed' | 'needs_review'; readonly failure: RowFailure }
  /** The batch was stopped while this row's outcome was open: it stays `submitting` for recovery. */
  | { readonly kind: 'leave_submitting' };

/** The ledger's reading of an order: never its claim links, only how many there are. */
export const outcomeOf = (order: Order, via: OrderOutcome['via']): OrderOutcome => {
  let costCents: number | null = 0;
  for (const line of order.lines)
    costCents = line.costCents === null || costCents === null ? null : costCents + line.costCents;
  return {
    orderId: order.id,
    state: order.status === 'completed' ? 'fulfilled' : order.status === 'failed' ? 'failed' : 'pending',
    costCents,
    claimLinks: order.lines.reduce((sum, line) => sum + line.claims.length, 0),
    providerStatus: order.rawStatus,
    via,
  };
};

const pauseFor = (error: ApiError): PauseReason | undefined => {
  switch (error.kind) {
    case 'insufficient_funds': {
      const { availableCents, requiredCents } = error;
      return {
        kind: 'insufficient_funds',
        message: 'The provider refused an order for insufficient funds; no further orders were sent.',
        advice: adviceFor(error.kind),
        shortfallCents:
          availableCents !== undefined && requiredCents !== undefined ? requiredCents - availableCents : null,
      };
    }
    case 'unauthorized':
    case 'forbidden':
    case 'not_configured':
      return {
        kind: error.kind,
        message: error.message,
        advice: adviceFor(error.kind),
        shortfallCents: null,
      };
    case 'invalid_request':
    case 'duplicate_po':
    case 'rate_limited':
    case 'unavailable':
    case 'timeout':
    case 'network':
    case 'not_found':
    case 'bad_response':
      return undefined;
  }
};

/**
 * Decides a row's fate from its create call. Only the provider's explicit "no" (400) fails a row for
 * good; an unknown outcome is never taken for "not sent": the row keeps its PO number for a safe retry.
 */
export const actionFor = (result: Result<PlacedOrder, ApiError>, stopped: boolean): RowAction => {
  if (result.ok) return { kind: 'record', outcome: outcomeOf(result.value.order, result.value.via) };
  const error = result.error;
  const reason = pauseFor(error);
  if (reason !== undefined) return { kind: 'pause', reason, responseClass: error.kind };
  if (error.kind === 'invalid_request') {
    const fields = Object.entries(error.fieldErrors).map(
      ([field, reasons]) => `${field}: ${reasons.join(', ')}`,
    );
    return {
      kind: 'fail',
      to: 'failed',
      failure: {
        kind: 'invalid_request',
        message: `The provider rejected this row${fields.length > 0 ? ` (${fields.join('; ')})` : ''}. Edit it, then send it again.`,
        retry: 'edit',
      },
    };
  }
  if (isRetryable(error) && stopped) return { kind: 'leave_submitting' };
  if (isRetryable(error)) {
    return {
      kind: 'fail',
      to: 'failed',
      failure: {
        kind: 'outcome_unknown',
        message: `${error.message} The order may or may not exist; "Retry failed rows" sends it again under the same PO number, which cannot create a second order.`,
        retry: 'same_po',
      },
    };
  }
  // A 409 whose original order could not be found, or anything else unexpected: a person must look.
  return {
    kind: 'fail',
    to: 'needs_review',
    failure: {
      kind: error.kind,
      message: `${error.message} Check this PO number in the provider's portal.`,
      retry: 'same_po',
    },
  };
};
