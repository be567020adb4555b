import type { PauseReason, RowFailure } from '../../common/contract/batches.ts';
import type { Result } from '../../common/result.ts';
import { adviceFor, isRetryable, type ApiError } from '../api/api-error.ts';
import type { Order, PlacedOrder } from '../api/order-types.ts';
import type { OrderOutcome } from '../batches/batch-repository.ts';

/** What the engine does with a row once its create call has ended. */
export type RowAction =
  | { readonly kind: 'record'; readonly outcome: OrderOutcome }
  /**
   * None may be tried until the user acts: the whole batch pauses. `noOrder`: the provider's answer
   * proves this row has no order (back to the queue); otherwise its outcome stays open (`submitting`).
   */
  | {
      readonly kind: 'pause';
      readonly reason: PauseReason;
      readonly responseClass: string;
      readonly noOrder: boolean;
    }
  | { readonly kind: 'fail'; readonly to: 'failed' | 'needs_review'; readonly failure: RowFailure }
  /** The batch was stopped while this row's outcome was open: it stays `submitting` for recovery. */
  | { readonly kind: 'leave_submitting' }
  /** The batch was stopped and every attempt was refused before it reached the provider: not sent. */
  | { readonly kind: 'requeue'; readonly responseClass: string };

/**
 * What a pending row says when its order's status is one GiftBatch does not understand: it is still
 * followed (polled) like a pending order, and the row says why it may take a while (docs/provider-api.md §13.9).
 */
export const statusNote = (order: Order): RowFailure | undefined =>
  order.status !== 'unknown'
    ? undefined
    : {
        kind: 'status_not_understood',
        message:
          order.rawStatus === ''
            ? `The provider gave order ${order.id} no status GiftBatch can read — not understood, still checking.`
            : `Provider status '${order.rawStatus}' — not understood, still checking.`,
        retry: 'none',
      };

/** The ledger's reading of an order: never its claim links, only how many there are. */
export const outcomeOf = (order: Order, via: OrderOutcome['via']): OrderOutcome => {
  let costCents: number | null = 0;
  for (const line of order.lines)
    costCents = line.costCents === null || costCents === null ? null : costCents + line.costCents;
  const note = statusNote(order);
  return {
    orderId: order.id,
    state: order.status === 'completed' ? 'fulfilled' : order.status === 'failed' ? 'failed' : 'pending',
    costCents,
    claimLinks: order.lines.reduce((sum, line) => sum + line.claims.length, 0),
    providerStatus: order.rawStatus,
    via,
    ...(note === undefined ? {} : { note }),
  };
};

/** Why the whole batch must wait for the user after this error, or undefined when it need not. */
export const pauseFor = (error: ApiError): PauseReason | undefined => {
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
    case 'unsupported_response':
      return undefined;
  }
};

/**
 * Whether a create request may have reached the provider without an answer that settles it: a 5xx
 * (504 included), an answer that could not be read, or no HTTP answer at all. 4xx answers, 429 among
 * them, say the request was refused; a connection refused (`refused`) says it was never sent.
 */
export const leavesOutcomeOpen = (result: number | string): boolean =>
  typeof result === 'string' ? result !== 'refused' : result < 400 || result >= 500;

/** Failures that, once the client has stopped retrying, say the provider cannot be reached. */
export const isUnreachable = (error: ApiError): boolean =>
  error.kind === 'network' || error.kind === 'timeout' || error.kind === 'unavailable';

/**
 * Only a `network` failure can be a refused connection (its attempts tell): a timeout or a 5xx means
 * the request arrived somewhere. Those rows stay open whatever `outcomeOpen` says.
 */
const provesNoOrder = (error: ApiError, outcomeOpen: boolean): boolean =>
  !outcomeOpen && (error.kind === 'network' || error.kind === 'rate_limited');

/**
 * Decides a row's fate from its create call. Only the provider's explicit "no" (400) fails a row for
 * good; an unknown outcome is never taken for "not sent": the row keeps its PO number for a safe retry.
 *
 * `outcomeOpen`: an earlier request under this PO number (in this call or before) may have reached the
 * provider. Then a refusal proves nothing about that earlier request: whether the provider checks a
 * duplicate PO number before auth, validation or funds is undocumented (docs/provider-api.md §13.8), and a first
 * order may itself have spent the funds a 422 reports missing. Such a row is never called unsent.
 */
export const actionFor = (
  result: Result<PlacedOrder, ApiError>,
  stopped: boolean,
  outcomeOpen: boolean,
  unreachable: () => PauseReason,
): RowAction => {
  if (result.ok) return { kind: 'record', outcome: outcomeOf(result.value.order, result.value.via) };
  const error = result.error;
  const reason = pauseFor(error);
  if (reason !== undefined)
    return { kind: 'pause', reason, responseClass: error.kind, noOrder: !outcomeOpen };
  if (error.kind === 'invalid_request' && outcomeOpen) {
    return {
      kind: 'fail',
      to: 'needs_review',
      failure: {
        kind: 'outcome_unknown',
        message: `The provider refused a repeat of this order (${error.message}), but an earlier request under the same PO number may have created it. Check this PO number in the provider's portal; "Retry failed rows" asks again under the same PO number.`,
        retry: 'same_po',
      },
    };
  }
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
  if (isRetryable(error) && stopped) {
    return provesNoOrder(error, outcomeOpen)
      ? { kind: 'requeue', responseClass: 'not_sent' }
      : { kind: 'leave_submitting' };
  }
  // An outage pauses the batch (docs/architecture.md §5.10): the row is not sent (refused) or stays open.
  if (isUnreachable(error)) {
    const noOrder = provesNoOrder(error, outcomeOpen);
    return {
      kind: 'pause',
      reason: unreachable(),
      responseClass: noOrder ? 'not_sent' : error.kind,
      noOrder,
    };
  }
  if (error.kind === 'rate_limited' && !outcomeOpen) {
    // Every request was refused (429) before the provider looked at it: no order, only a wait.
    return {
      kind: 'fail',
      to: 'failed',
      failure: {
        kind: 'rate_limited',
        message: `The provider refused every attempt as too many requests (429); no order was made. "Retry failed rows" sends it again under the same PO number; lower the request rate in Settings if this repeats.`,
        retry: 'same_po',
      },
    };
  }
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
  if (error.kind === 'duplicate_po') {
    // A 409 proves an order exists under this PO number; only which one could not be learnt.
    return {
      kind: 'fail',
      to: 'needs_review',
      failure: {
        kind: 'duplicate_po',
        message: `${error.message} The order most likely exists and was charged: look this PO number up in the provider's portal. "Retry failed rows" asks again under the same PO number, which cannot create a second order.`,
        retry: 'same_po',
      },
    };
  }
  // Anything else unexpected: a person must look.
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
