import { centsToDecimal, decimalToCents, lineCostCents, type Cents } from '../../common/money.ts';
import { err, ok, type Result } from '../../common/result.ts';
import { deliveryTypes, type CatalogProduct, type DeliveryType } from './catalog-product.ts';
import type { SandboxOrderLine } from './order-model.ts';
import {
  fieldName,
  requestLineSchema,
  requestOrderSchema,
  isBlank,
  type AddError,
  type RequestLine,
} from './order-request-schema.ts';
import { checkDigitalAddress, checkPhysicalAddress } from './address-validation.ts';

export type ValidatedLine = Omit<SandboxOrderLine, 'id' | 'status' | 'claims'>;

export interface ValidatedOrder {
  readonly poNumber: string;
  readonly type: DeliveryType;
  readonly note: string | null;
  readonly webhookUrl: string | null;
  readonly lines: readonly ValidatedLine[];
  readonly costCents: Cents;
}

/** "LineItems[0].Value" → reasons, the `Errors` of a 400 body (docs/provider-api.md §13.7). */
export type FieldErrors = Record<string, string[]>;

/** The simulator's own bound, so a Links line cannot ask it for a million claim links. */
const maxQuantity = 1000;

const isDeliveryType = (value: string): value is DeliveryType =>
  (deliveryTypes as readonly string[]).includes(value);

const formatAmount = (cents: Cents): string => centsToDecimal(cents).toFixed(2);

/** The POST /v1/Orders rules of docs/provider-api.md §13.5–13.6, on a body whose keys are already lower-cased. */
export const validateOrderRequest = (
  body: unknown,
  findProduct: (id: string) => CatalogProduct | undefined,
): Result<ValidatedOrder, FieldErrors> => {
  const errors: FieldErrors = {};
  const add = (path: readonly PropertyKey[], reason: string) => (errors[fieldName(path)] ??= []).push(reason);

  const parsed = requestOrderSchema.safeParse(body);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) add(issue.path, issue.message);
    return err(errors);
  }
  const order = parsed.data;
  const type = order.type ?? '';
  if (isBlank(order.type)) add(['type'], 'The Type field is required.');
  else if (!isDeliveryType(type)) add(['type'], `Type must be one of ${deliveryTypes.join(', ')}.`);
  if (isBlank(order.ponumber)) add(['ponumber'], 'The PONumber field is required.');
  if (order.lineitems === null || order.lineitems === undefined || order.lineitems.length === 0) {
    add(['lineitems'], 'At least one line item is required.');
  }

  const lines: ValidatedLine[] = [];
  (order.lineitems ?? []).forEach((item, index) => {
    const prefix = ['lineitems', index];
    const line = requestLineSchema.safeParse(item);
    if (!line.success) {
      for (const issue of line.error.issues) add([...prefix, ...issue.path], issue.message);
      return;
    }
    const validated = validateLine(
      line.data,
      isDeliveryType(type) ? type : undefined,
      findProduct,
      (path, reason) => add([...prefix, ...path], reason),
    );
    if (validated !== undefined) lines.push(validated);
  });

  if (Object.keys(errors).length > 0 || !isDeliveryType(type) || isBlank(order.ponumber)) return err(errors);
  return ok({
    poNumber: order.ponumber,
    type,
    note: order.note ?? null,
    webhookUrl: order.webhooksettings?.fulfillmentcomplete ?? null,
    lines,
    costCents: lines.reduce((total, line) => total + line.costCents, 0),
  });
};

/** One line's rules; undefined when any failed (the reasons went to `add`). */
const validateLine = (
  line: RequestLine,
  type: DeliveryType | undefined,
  findProduct: (id: string) => CatalogProduct | undefined,
  add: AddError,
): ValidatedLine | undefined => {
  let failures = 0;
  const fail: AddError = (path, reason) => {
    failures += 1;
    add(path, reason);
  };

  const product = isBlank(line.productid) ? undefined : findProduct(line.productid);
  if (isBlank(line.productid)) fail(['productid'], 'The ProductId field is required.');
  else if (product === undefined) fail(['productid'], `Unknown product "${line.productid}".`);
  else if (type !== undefined && !product.availableDeliveryTypes.includes(type)) {
    fail(['productid'], `Product ${product.id} does not support delivery type ${type}.`);
  }

  const valueCents = line.value === null || line.value === undefined ? undefined : decimalToCents(line.value);
  if (line.value === null || line.value === undefined) fail(['value'], 'The Value field is required.');
  else if (valueCents === undefined || valueCents <= 0) {
    fail(['value'], 'Value must be a positive amount with at most 2 decimals.');
  } else if (product !== undefined) {
    const reason = denominationProblem(product, valueCents);
    if (reason !== undefined) fail(['value'], reason);
  }

  const quantity = line.quantity ?? 1;
  if (!Number.isInteger(quantity) || quantity < 1)
    fail(['quantity'], 'Quantity must be a whole number of at least 1.');
  else if (quantity > maxQuantity) fail(['quantity'], `Quantity must be at most ${maxQuantity}.`);

  const digital = type === 'DigitalDelivery' ? checkDigitalAddress(line, fail) : null;
  const physical =
    type === 'PhysicalShipment' ? checkPhysicalAddress(line.physicaldeliveryaddress, fail) : null;

  if (failures > 0 || product === undefined || valueCents === undefined) return undefined;
  const personalization = line.personalization;
  return {
    productId: product.id,
    externalId: line.externalid ?? null,
    valueCents,
    quantity,
    costCents: lineCostCents(valueCents, quantity, product.cost),
    culture: isBlank(line.culture) ? 'en-US' : line.culture,
    personalization:
      personalization === null || personalization === undefined
        ? null
        : {
            to: personalization.to ?? null,
            fromName: personalization.fromname ?? null,
            fromEmail: personalization.fromemail ?? null,
            message: personalization.message ?? null,
            deliveryDate: personalization.deliverydate ?? null,
          },
    digitalDeliveryAddress: digital ?? null,
    physicalDeliveryAddress: physical ?? null,
  };
};

const denominationProblem = (product: CatalogProduct, valueCents: Cents): string | undefined => {
  const allowed = product.denominationsCents;
  if (product.denominationType === 'Fixed') {
    return allowed.includes(valueCents)
      ? undefined
      : `Value ${formatAmount(valueCents)} is not a denomination of ${product.id} (${allowed.map(formatAmount).join(', ')}).`;
  }
  const [min = 0, max = 0] = allowed;
  return valueCents >= min && valueCents <= max
    ? undefined
    : `Value must be between ${formatAmount(min)} and ${formatAmount(max)} for ${product.id}.`;
};
