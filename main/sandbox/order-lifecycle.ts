import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { Cents } from '../../common/money.ts';
import type { Claim, SandboxOrder, SandboxOrderLine } from './order-model.ts';
import type { ValidatedOrder } from './order-validation.ts';

export interface LifecycleSettings {
  readonly pendingThresholdCards: number;
  readonly completionDelayMs: { readonly min: number; readonly max: number };
  readonly slowCompletionDelayMs: number;
  readonly random: () => number;
}

/** PO-number prefixes that steer an order's fate, so a client can rehearse each path (docs/provider-api.md §13.11). */
export const poPrefixes = { fail: 'FAIL-', slow: 'SLOW-', timeout: 'TIMEOUT-' } as const;

/** 16 hex digits; randomUUID draws from a cached pool, where randomBytes asks the system once per id. */
const newId = (prefix: string): string => `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 16)}`;

/** Claim links are bearer secrets, so their tokens come from the crypto RNG, never the injectable one. */
const newClaim = (): Claim => ({
  id: newId('cd'),
  token: randomBytes(18).toString('base64url'),
  challengeAnswer: String(randomInt(0, 10_000)).padStart(4, '0'),
});

const pendingDelayMs = (order: ValidatedOrder, settings: LifecycleSettings): number | undefined => {
  if (order.poNumber.startsWith(poPrefixes.slow)) return settings.slowCompletionDelayMs;
  const cards = order.lines.reduce((total, line) => total + line.quantity, 0);
  if (cards <= settings.pendingThresholdCards) return undefined;
  const { min, max } = settings.completionDelayMs;
  return Math.round(min + settings.random() * (max - min));
};

/** A new order: Pending with a due time when large or SLOW-, otherwise already settled. */
export const createOrder = (
  request: ValidatedOrder,
  settings: LifecycleSettings,
  now: number,
): SandboxOrder => {
  const delayMs = pendingDelayMs(request, settings);
  const order: SandboxOrder = {
    id: newId('ord'),
    poNumber: request.poNumber,
    type: request.type,
    status: 'Pending',
    outcome: request.poNumber.startsWith(poPrefixes.fail) ? 'Failed' : 'Completed',
    completesAt: now + (delayMs ?? 0),
    note: request.note,
    createdDate: new Date(now).toISOString(),
    webhookUrl: request.webhookUrl,
    lines: request.lines.map((line) => ({ ...line, id: newId('li'), status: 'Pending', claims: [] })),
  };
  return delayMs === undefined ? settleOrder(order) : order;
};

/** Pending → its outcome; completed Links lines get one claim link per card. */
export const settleOrder = (order: SandboxOrder): SandboxOrder => ({
  ...order,
  status: order.outcome,
  completesAt: null,
  lines: order.lines.map((line): SandboxOrderLine => ({
    ...line,
    status: order.outcome,
    claims:
      order.outcome === 'Completed' && order.type === 'Links'
        ? Array.from({ length: line.quantity }, newClaim)
        : [],
  })),
});

/** What a settled order gives back to the deposit account: the cost of its failed lines. */
export const refundCents = (order: SandboxOrder): Cents =>
  order.lines.filter((line) => line.status === 'Failed').reduce((total, line) => total + line.costCents, 0);
