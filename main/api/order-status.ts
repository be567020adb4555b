import type { OrderStatus } from './order-types.ts';

/**
 * Status names a provider may use, read case-insensitively with spaces, `_` and `-` ignored
 * ("In Progress", "IN_PROGRESS"). The docs name only `Pending` and `Completed` (docs/provider-api.md §13.9);
 * the rest are the words an order API commonly uses for the same three outcomes. A physical card
 * `Shipped` has left the provider, which is all GiftBatch asks of an order.
 */
const statusNames: Readonly<Record<Exclude<OrderStatus, 'unknown'>, readonly string[]>> = {
  pending: ['pending', 'processing', 'inprogress', 'submitted', 'queued', 'received', 'accepted', 'created'],
  completed: ['completed', 'complete', 'fulfilled', 'delivered', 'shipped', 'sent', 'succeeded', 'success'],
  failed: [
    'failed',
    'failure',
    'cancelled',
    'canceled',
    'refunded',
    'rejected',
    'declined',
    'voided',
    'void',
  ],
};

const byName = new Map<string, OrderStatus>(
  Object.entries(statusNames).flatMap(([status, names]) =>
    names.map((name) => [name, status as OrderStatus] as const),
  ),
);

const normalise = (raw: string): string => raw.toLowerCase().replace(/[\s_-]+/g, '');

/** `unknown` for a status none of the names above matches: followed like pending, and said so. */
export const toOrderStatus = (raw: string): OrderStatus => byName.get(normalise(raw)) ?? 'unknown';

/**
 * An order that carries no status of its own takes its lines' status when they all agree; otherwise
 * (no lines, or lines that disagree) nothing can be concluded from it.
 */
export const statusOfLines = (lines: readonly { readonly status: OrderStatus }[]): OrderStatus => {
  const statuses = new Set(lines.map((line) => line.status));
  const [only] = statuses;
  return statuses.size === 1 && only !== undefined ? only : 'unknown';
};
