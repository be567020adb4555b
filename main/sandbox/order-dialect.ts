import { z } from 'zod';
import { err, ok, type Result } from '../../common/result.ts';
import { orderStatuses, type OrderStatus } from './order-model.ts';
import type { orderToWire } from './wire-format.ts';

/**
 * How the sandbox's orders look on the wire where the docs leave it open (docs/provider-api.md §13.8 and
 * docs/provider-api.md §13.9), so a client can be tested against each shape a real provider might choose.
 */
export const conflictIdFields = ['Id', 'OrderId', 'ExistingOrderId', 'nested', 'none'] as const;
export type ConflictIdField = (typeof conflictIdFields)[number];

export interface OrderDialect {
  /**
   * Where a 409 names the original order: `Id` (with `PreviousOrderIds`, the default), `OrderId`,
   * `ExistingOrderId`, `nested` (`{ "Error": { "ExistingOrder": { "Id" } } }`) or `none`.
   */
  readonly conflictIdField: ConflictIdField;
  /** The names order and line statuses go by (default Pending, Completed, Failed). */
  readonly statusNames: Readonly<Record<OrderStatus, string>>;
  /** Whether orders echo their PONumber (default true). Without it an order cannot be found by PO number. */
  readonly echoPoNumber: boolean;
}

export const defaultOrderDialect: OrderDialect = {
  conflictIdField: 'Id',
  statusNames: { Pending: 'Pending', Completed: 'Completed', Failed: 'Failed' },
  echoPoNumber: true,
};

const statusName = z.string().trim().min(1).max(40);

export const orderDialectSchema = z.strictObject({
  conflictIdField: z.enum(conflictIdFields).default(defaultOrderDialect.conflictIdField),
  statusNames: z
    .strictObject({
      Pending: statusName.default('Pending'),
      Completed: statusName.default('Completed'),
      Failed: statusName.default('Failed'),
    })
    .default(defaultOrderDialect.statusNames),
  echoPoNumber: z.boolean().default(defaultOrderDialect.echoPoNumber),
});

export type OrderDialectOptions = z.input<typeof orderDialectSchema>;

/** The 409 for a duplicate PONumber, naming the original order where the dialect says. */
export const conflictBody = (orderId: string, dialect: OrderDialect): Record<string, unknown> => {
  const message = 'Duplicate PONumber';
  switch (dialect.conflictIdField) {
    case 'Id':
      return { Message: message, Id: orderId, PreviousOrderIds: [orderId] };
    case 'OrderId':
      return { Message: message, OrderId: orderId };
    case 'ExistingOrderId':
      return { Message: message, ExistingOrderId: orderId };
    case 'nested':
      return { Error: { Code: 'DuplicatePONumber', Message: message, ExistingOrder: { Id: orderId } } };
    case 'none':
      return { Message: message };
  }
};

type WireOrder = ReturnType<typeof orderToWire>;

/** An order as the dialect writes it: its status names, and its PONumber only where echoed. */
export const orderInDialect = (order: WireOrder, dialect: OrderDialect): Record<string, unknown> => {
  const { PONumber, ...rest } = order;
  return {
    ...rest,
    ...(dialect.echoPoNumber ? { PONumber } : {}),
    Status: dialect.statusNames[order.Status],
    LineItems: order.LineItems.map((line) => ({ ...line, Status: dialect.statusNames[line.Status] })),
  };
};

/** "Pending=Processing,Completed=Shipped,Failed=Canceled", any casing of the keys; unnamed ones keep theirs. */
export const parseStatusNames = (spec: string): Result<Partial<Record<OrderStatus, string>>, string> => {
  const names: Partial<Record<OrderStatus, string>> = {};
  for (const entry of spec.split(',')) {
    if (entry.trim() === '') continue;
    const [key = '', name = '', ...rest] = entry.split('=').map((part) => part.trim());
    const status = orderStatuses.find((candidate) => candidate.toLowerCase() === key.toLowerCase());
    if (status === undefined) return err(`"${key}" is not a status: use Pending, Completed or Failed`);
    if (!statusName.safeParse(name).success || rest.length > 0)
      return err(`"${entry.trim()}" needs a name of 1 to 40 characters, as in ${status}=Processing`);
    names[status] = name;
  }
  return ok(names);
};
