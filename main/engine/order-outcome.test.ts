import { describe, expect, it } from 'vitest';
import { err, ok } from '../../common/result.ts';
import type { ApiError } from '../api/api-error.ts';
import type { Order, OrderLine, PlacedOrder } from '../api/order-types.ts';
import { actionFor as decideAction, leavesOutcomeOpen, outcomeOf } from './order-outcome.ts';
import { providerUnreachable } from './pause-reasons.ts';

const line = (overrides: Partial<OrderLine> = {}): OrderLine => ({
  id: 'li_1',
  productId: 'NORTHWIND-COFFEE',
  valueCents: 2_500,
  quantity: 1,
  costCents: 2_438,
  status: 'completed',
  claims: [],
  ...overrides,
});

const order = (overrides: Partial<Order> = {}): Order => ({
  id: 'ord_1',
  poNumber: 'GB-ABCDEFGH-0001',
  type: 'DigitalDelivery',
  status: 'completed',
  rawStatus: 'Completed',
  createdAt: '2030-01-01T00:00:00.000Z',
  lines: [line()],
  ...overrides,
});

const placed = (value: Order, via: PlacedOrder['via'] = 'created') => ok<PlacedOrder>({ order: value, via });
const failed = (error: ApiError) => err(error);
const unreachable = () => providerUnreachable(Date.UTC(2030, 0, 1, 9, 5));
const actionFor = (result: Parameters<typeof decideAction>[0], stopped: boolean, outcomeOpen: boolean) =>
  decideAction(result, stopped, outcomeOpen, unreachable);

describe('the ledger reading of an order', () => {
  it('maps the provider status to a row state', () => {
    expect(outcomeOf(order(), 'created').state).toBe('fulfilled');
    expect(outcomeOf(order({ status: 'failed', rawStatus: 'Failed' }), 'poll').state).toBe('failed');
    expect(outcomeOf(order({ status: 'pending', rawStatus: 'Pending' }), 'created').state).toBe('pending');
    // A status the docs do not name is followed like pending until the deadline, never taken as done,
    // and the row says so.
    const onHold = outcomeOf(order({ status: 'unknown', rawStatus: 'OnHold' }), 'poll');
    expect(onHold.state).toBe('pending');
    expect(onHold.note).toEqual({
      kind: 'status_not_understood',
      message: "Provider status 'OnHold' — not understood, still checking.",
      retry: 'none',
    });
    expect(outcomeOf(order({ status: 'pending', rawStatus: 'Processing' }), 'poll').note).toBeUndefined();
  });

  it('counts claim links and never keeps them', () => {
    const links = order({
      type: 'Links',
      lines: [
        line({
          quantity: 3,
          claims: [1, 2, 3].map((n) => ({
            id: `cd_${String(n)}`,
            claimLink: `https://example.test/claim/secret${String(n)}`,
            challengeAnswer: '1234',
          })),
        }),
      ],
    });
    const outcome = outcomeOf(links, 'created');
    expect(outcome.claimLinks).toBe(3);
    expect(JSON.stringify(outcome)).not.toMatch(/claim\/|secret|1234/);
  });

  it('adds line costs, and says unknown when any line has none', () => {
    expect(outcomeOf(order({ lines: [line(), line({ costCents: 1_000 })] }), 'created').costCents).toBe(
      3_438,
    );
    expect(outcomeOf(order({ lines: [line(), line({ costCents: null })] }), 'created').costCents).toBeNull();
  });

  it('keeps the order id, the raw status and how the order was found', () => {
    expect(outcomeOf(order({ id: 'ord_9' }), 'duplicate')).toMatchObject({
      orderId: 'ord_9',
      providerStatus: 'Completed',
      via: 'duplicate',
    });
  });
});

describe("a row's fate after its create call", () => {
  it('records an order, made now or found through a 409', () => {
    expect(actionFor(placed(order()), false, false)).toMatchObject({
      kind: 'record',
      outcome: { state: 'fulfilled', via: 'created' },
    });
    expect(actionFor(placed(order({ id: 'ord_orig' }), 'duplicate'), true, false)).toMatchObject({
      kind: 'record',
      outcome: { orderId: 'ord_orig', via: 'duplicate' },
    });
  });

  it('pauses the batch on 422 with the shortfall of that order', () => {
    const action = actionFor(
      failed({ kind: 'insufficient_funds', message: 'no', availableCents: 1_000, requiredCents: 2_438 }),
      false,
      false,
    );
    expect(action).toMatchObject({
      kind: 'pause',
      responseClass: 'insufficient_funds',
      reason: { kind: 'insufficient_funds', shortfallCents: 1_438 },
    });
    expect(actionFor(failed({ kind: 'insufficient_funds', message: 'no' }), false, false)).toMatchObject({
      kind: 'pause',
      reason: { shortfallCents: null },
    });
  });

  it('pauses on credentials the provider refuses: 401 after the refresh, 403, none set', () => {
    for (const kind of ['unauthorized', 'forbidden', 'not_configured'] as const) {
      expect(actionFor(failed({ kind, message: kind }), false, false)).toMatchObject({
        kind: 'pause',
        responseClass: kind,
        reason: { kind, shortfallCents: null },
      });
    }
  });

  it('fails a row for good only on a 400, naming the fields, to be edited', () => {
    const action = actionFor(
      failed({
        kind: 'invalid_request',
        message: 'bad',
        fieldErrors: { 'Lines[0].Value': ['Value is out of range'] },
      }),
      false,
      false,
    );
    expect(action).toMatchObject({
      kind: 'fail',
      to: 'failed',
      failure: { kind: 'invalid_request', retry: 'edit' },
    });
    expect(action.kind === 'fail' && action.failure.message).toContain(
      'Lines[0].Value: Value is out of range',
    );
  });

  it('pauses the batch when the provider cannot be reached: the row stays open unless it was never sent', () => {
    const unknowns: ApiError[] = [
      { kind: 'timeout', message: 't' },
      { kind: 'network', message: 'n' },
      { kind: 'unavailable', message: 'u', status: 503 },
    ];
    for (const error of unknowns) {
      expect(actionFor(failed(error), false, true), error.kind).toMatchObject({
        kind: 'pause',
        reason: { kind: 'provider_unreachable' },
        noOrder: false,
      });
      // Stopped mid-request: the row stays `submitting`, resumed first under the same PO number.
      expect(actionFor(failed(error), true, true)).toEqual({ kind: 'leave_submitting' });
    }
    // A timeout or 5xx says the request arrived somewhere, whatever the attempts said.
    expect(actionFor(failed({ kind: 'timeout', message: 't' }), false, false)).toMatchObject({
      noOrder: false,
    });
    // Every attempt refused before it left (connection refused): not sent, back to the queue.
    expect(actionFor(failed({ kind: 'network', message: 'n' }), false, false)).toMatchObject({
      kind: 'pause',
      responseClass: 'not_sent',
      noOrder: true,
    });
    expect(actionFor(failed({ kind: 'network', message: 'n' }), true, false)).toEqual({
      kind: 'requeue',
      responseClass: 'not_sent',
    });
  });

  it('never takes an unreadable answer for "not sent": a retry keeps the PO number', () => {
    expect(actionFor(failed({ kind: 'bad_response', message: 'b' }), false, true)).toMatchObject({
      kind: 'fail',
      to: 'failed',
      failure: { kind: 'outcome_unknown', retry: 'same_po' },
    });
    expect(actionFor(failed({ kind: 'bad_response', message: 'b' }), true, true)).toEqual({
      kind: 'leave_submitting',
    });
  });

  it('sends a 409 whose original cannot be found to a person, retryable under the same PO', () => {
    for (const error of [
      { kind: 'not_found', message: 'No order with PO number X was found.' },
      { kind: 'duplicate_po', message: 'dup', originalOrderIds: [] },
    ] satisfies ApiError[]) {
      expect(actionFor(failed(error), false, false)).toMatchObject({
        kind: 'fail',
        to: 'needs_review',
        failure: { kind: error.kind, retry: 'same_po' },
      });
    }
    const unresolved = actionFor(
      failed({ kind: 'duplicate_po', message: 'dup', originalOrderIds: [] }),
      false,
      true,
    );
    expect(unresolved.kind === 'fail' && unresolved.failure.message).toContain(
      'most likely exists and was charged',
    );
  });

  it('never calls a row unsent after a request under its PO number may have reached the provider', () => {
    for (const kind of ['insufficient_funds', 'unauthorized', 'forbidden'] as const) {
      // The row stays `submitting` (its outcome open) while the batch pauses; a resume asks again.
      expect(actionFor(failed({ kind, message: kind }), false, true)).toMatchObject({
        kind: 'pause',
        noOrder: false,
      });
      expect(actionFor(failed({ kind, message: kind }), false, false)).toMatchObject({ noOrder: true });
    }
    // A 400 to the repeat cannot prove the first request made nothing: a person checks, same PO number.
    expect(
      actionFor(failed({ kind: 'invalid_request', message: 'bad', fieldErrors: {} }), false, true),
    ).toMatchObject({
      kind: 'fail',
      to: 'needs_review',
      failure: { kind: 'outcome_unknown', retry: 'same_po' },
    });
  });

  it('reads 5xx and answerless attempts as open, 4xx (429 included) as refused', () => {
    for (const result of [200, 500, 502, 504, 'timeout', 'network'])
      expect(leavesOutcomeOpen(result)).toBe(true);
    for (const result of [400, 401, 403, 409, 422, 429, 'refused'])
      expect(leavesOutcomeOpen(result)).toBe(false);
  });

  it('says a row refused only by 429s made no order, and may be sent again under its PO number', () => {
    const limited: ApiError = { kind: 'rate_limited', message: 'r' };
    const action = actionFor(failed(limited), false, false);
    expect(action).toMatchObject({ kind: 'fail', failure: { kind: 'rate_limited', retry: 'same_po' } });
    expect(action.kind === 'fail' && action.failure.message).toContain('no order was made');
    // After a request that may have reached the provider, the outcome is unknown after all.
    expect(actionFor(failed(limited), false, true)).toMatchObject({
      kind: 'fail',
      failure: { kind: 'outcome_unknown', retry: 'same_po' },
    });
  });
});
