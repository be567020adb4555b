import type { Cents } from '../../common/money.ts';
import { refundCents, settleOrder } from './order-lifecycle.ts';
import type { SandboxOrder, SandboxOrderLine } from './order-model.ts';
import type { StateSnapshot } from './state-file.ts';

export interface Balance {
  readonly availableCents: Cents;
  readonly pendingCents: Cents;
}

export interface ClaimLookup {
  readonly order: SandboxOrder;
  readonly line: SandboxOrderLine;
}

/** The account behind the sandbox: its orders and deposit balance (docs/provider-api.md §10, §13.13). */
export interface SandboxState {
  /** Oldest first. */
  listOrders(): readonly SandboxOrder[];
  findOrder(id: string): SandboxOrder | undefined;
  findOrderByPoNumber(poNumber: string): SandboxOrder | undefined;
  findClaim(token: string): ClaimLookup | undefined;
  balance(): Balance;
  /** Records a new order and debits its cost (less the refund, if it already failed). */
  insertOrder(order: SandboxOrder): void;
  /** Settles every Pending order due by `now`. */
  settleDue(now: number): void;
  /** When the next Pending order is due, if any. */
  nextDueAt(): number | undefined;
  addFunding(amount: Cents): void;
  applyFunding(): void;
  reset(): void;
  snapshot(): StateSnapshot;
}

export interface StateEvents {
  /** Anything changed: the state file should be saved. */
  changed(): void;
  /** An order reached a terminal status, at creation or later. */
  settled(order: SandboxOrder): void;
}

export const createSandboxState = (initial: StateSnapshot, events: StateEvents): SandboxState => {
  let orders: SandboxOrder[] = [...initial.orders];
  let availableCents = initial.availableCents;
  let pendingCents = initial.pendingCents;
  const byId = new Map<string, number>();
  const byPoNumber = new Map<string, number>();
  const claims = new Map<string, { orderIndex: number; lineIndex: number }>();
  // Settling runs on every request, so it looks only at the orders still Pending.
  const pendingOrders = new Set<number>();

  const index = (orderIndex: number) => {
    const order = orders[orderIndex];
    if (order === undefined) return;
    byId.set(order.id, orderIndex);
    byPoNumber.set(order.poNumber, orderIndex);
    if (order.status === 'Pending') pendingOrders.add(orderIndex);
    else pendingOrders.delete(orderIndex);
    order.lines.forEach((line, lineIndex) => {
      for (const claim of line.claims) claims.set(claim.token, { orderIndex, lineIndex });
    });
  };
  const reindexAll = () => {
    byId.clear();
    byPoNumber.clear();
    claims.clear();
    pendingOrders.clear();
    orders.forEach((_order, orderIndex) => index(orderIndex));
  };
  reindexAll();

  const at = (orderIndex: number | undefined) => (orderIndex === undefined ? undefined : orders[orderIndex]);

  return {
    listOrders: () => orders,
    findOrder: (id) => at(byId.get(id)),
    findOrderByPoNumber: (poNumber) => at(byPoNumber.get(poNumber)),
    findClaim: (token) => {
      const found = claims.get(token);
      const order = at(found?.orderIndex);
      const line = found === undefined ? undefined : order?.lines[found.lineIndex];
      return order === undefined || line === undefined ? undefined : { order, line };
    },
    balance: () => ({ availableCents, pendingCents }),
    insertOrder: (order) => {
      orders.push(order);
      index(orders.length - 1);
      availableCents -= order.lines.reduce((total, line) => total + line.costCents, 0);
      if (order.status !== 'Pending') {
        availableCents += refundCents(order);
        events.settled(order);
      }
      events.changed();
    },
    settleDue: (now) => {
      for (const orderIndex of [...pendingOrders]) {
        const order = orders[orderIndex];
        if (order === undefined || order.completesAt === null || order.completesAt > now) continue;
        const settled = settleOrder(order);
        orders[orderIndex] = settled;
        index(orderIndex);
        availableCents += refundCents(settled);
        events.settled(settled);
        events.changed();
      }
    },
    nextDueAt: () =>
      [...pendingOrders].reduce<number | undefined>((earliest, orderIndex) => {
        const dueAt = orders[orderIndex]?.completesAt ?? null;
        return dueAt === null ? earliest : Math.min(earliest ?? Infinity, dueAt);
      }, undefined),
    addFunding: (amount) => {
      pendingCents += amount;
      events.changed();
    },
    applyFunding: () => {
      availableCents += pendingCents;
      pendingCents = 0;
      events.changed();
    },
    reset: () => {
      orders = [];
      availableCents = initial.initialBalanceCents;
      pendingCents = 0;
      reindexAll();
      events.changed();
    },
    snapshot: () => ({
      version: 1,
      id: initial.id,
      initialBalanceCents: initial.initialBalanceCents,
      availableCents,
      pendingCents,
      orders: [...orders],
    }),
  };
};
