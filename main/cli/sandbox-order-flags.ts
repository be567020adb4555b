import { err, ok, type Result } from '../../common/result.ts';
import { conflictIdFields, parseStatusNames, type OrderDialectOptions } from '../sandbox/order-dialect.ts';

/** The `giftbatch sandbox` flags that choose how its orders look on the wire (sandbox/order-dialect.ts). */
export const orderDialectFlagSpec = {
  'conflict-id-field': { type: 'string' },
  'status-names': { type: 'string' },
  'no-po-echo': { type: 'boolean', default: false },
} as const;

export const orderDialectUsage = `  --conflict-id-field F  where a 409 names the original order: Id (default, with PreviousOrderIds),
                    OrderId, ExistingOrderId, nested ({"Error":{"ExistingOrder":{"Id":…}}}) or none
  --status-names SPEC  other names for order statuses, e.g. "Pending=Processing,Completed=Shipped"
  --no-po-echo      orders do not echo their PONumber (an order can then not be found by PO number)`;

export const parseOrderDialectFlags = (values: {
  readonly 'conflict-id-field'?: string | undefined;
  readonly 'status-names'?: string | undefined;
  readonly 'no-po-echo'?: boolean | undefined;
}): Result<OrderDialectOptions | undefined, string> => {
  const dialect: OrderDialectOptions = {};
  const field = values['conflict-id-field'];
  if (field !== undefined) {
    const known = conflictIdFields.find((candidate) => candidate.toLowerCase() === field.toLowerCase());
    if (known === undefined) return err(`--conflict-id-field must be one of ${conflictIdFields.join(', ')}`);
    dialect.conflictIdField = known;
  }
  if (values['status-names'] !== undefined) {
    const names = parseStatusNames(values['status-names']);
    if (!names.ok) return err(`--status-names: ${names.error}`);
    dialect.statusNames = names.value;
  }
  if (values['no-po-echo'] === true) dialect.echoPoNumber = false;
  return ok(Object.keys(dialect).length === 0 ? undefined : dialect);
};
