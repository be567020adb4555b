import type { DeliveryType, Product } from '../../common/catalog/product.ts';
import type { Balance } from '../../common/contract/connection.ts';
import { centsToDecimal, decimalToCentsRounded } from '../../common/money.ts';
import { statusOfLines, toOrderStatus } from './order-status.ts';
import { readProductAmounts } from './product-amounts.ts';
import type { CreateOrderRequest, Order, OrderLine, ShippingMethod } from './order-types.ts';
import {
  knownDeliveryTypes,
  type WireOrder,
  type WireProduct,
  type wireBalanceSchema,
  type wireShippingMethodSchema,
} from './wire-schemas.ts';
import type { z } from 'zod';

const isDeliveryType = (value: string): value is DeliveryType => knownDeliveryTypes.includes(value);

export const toProduct = (wire: WireProduct): Product => ({
  id: wire.id,
  name: wire.name,
  shortDescription: wire.shortdescription,
  longDescription: wire.longdescription,
  productType: wire.type,
  denominations: readProductAmounts(wire),
  // A delivery type this app does not know cannot be sent, so it is left out rather than guessed at.
  deliveryTypes: (wire.availabledeliverytypes ?? []).filter(isDeliveryType),
  terms: wire.terms,
  disclaimer: wire.disclaimer,
  redemptionNote: wire.redemptionnote,
  cost: {
    feeCents: decimalToCentsRounded(wire.cost?.fee ?? 0),
    discountPercentage: wire.cost?.discountpercentage ?? 0,
  },
  currencyCode: wire.currencycode === '' ? 'USD' : wire.currencycode,
  faceplateUrl: wire.media?.faceplates?.[0]?.path ?? null,
});

/** A missing order status is taken from its lines where they agree (docs/provider-api.md §13.9). */
export const toOrder = (wire: WireOrder): Order => {
  const lines = (wire.lineitems ?? []).map((line): OrderLine => ({
    id: line.id ?? null,
    productId: line.productid,
    valueCents: decimalToCentsRounded(line.value),
    quantity: line.quantity ?? 1,
    costCents: line.cost === null || line.cost === undefined ? null : decimalToCentsRounded(line.cost),
    status: toOrderStatus(line.status ?? wire.status ?? ''),
    claims: (line.claimdata ?? []).flatMap((claim) =>
      claim.claimlink === null || claim.claimlink === undefined
        ? []
        : [
            {
              id: claim.id ?? null,
              claimLink: claim.claimlink,
              challengeAnswer: claim.claimlinkchallengeanswer ?? null,
            },
          ],
    ),
  }));
  const rawStatus = wire.status?.trim() ?? '';
  return {
    id: wire.id,
    poNumber: wire.ponumber ?? null,
    type: wire.type ?? null,
    status: rawStatus === '' ? statusOfLines(lines) : toOrderStatus(rawStatus),
    rawStatus,
    createdAt: wire.createddate ?? null,
    lines,
  };
};

export const toBalance = (wire: z.infer<typeof wireBalanceSchema>): Balance => ({
  availableCents: decimalToCentsRounded(wire.available),
  pendingCents: decimalToCentsRounded(wire.pending ?? 0),
  currencyCode: wire.currencycode === '' ? 'USD' : wire.currencycode,
});

export const toShippingMethod = (wire: z.infer<typeof wireShippingMethodSchema>): ShippingMethod => ({
  id: wire.id,
  name: wire.name,
  carrierId: wire.carrierid,
});

/**
 * The request body in the documented PascalCase, money as decimals; Quantity is always sent (docs/provider-api.md §13.5).
 * main/sandbox/wire-format.ts writes these fields again from the provider's side on purpose: one shared
 * mapping would let a wrong field name pass both the client's and the sandbox's tests.
 */
export const toOrderRequestBody = (request: CreateOrderRequest): Record<string, unknown> => ({
  Type: request.type,
  PONumber: request.poNumber,
  LineItems: request.lines.map((line) => ({
    ProductId: line.productId,
    Value: centsToDecimal(line.valueCents),
    Quantity: line.quantity,
    ...(line.digitalDeliveryAddress === undefined
      ? {}
      : {
          DigitalDeliveryAddress: {
            Email: line.digitalDeliveryAddress.email,
            Sms: line.digitalDeliveryAddress.sms,
          },
        }),
    ...(line.physicalDeliveryAddress === undefined
      ? {}
      : {
          PhysicalDeliveryAddress: {
            ShippingMethodId: line.physicalDeliveryAddress.shippingMethodId,
            CarrierId: line.physicalDeliveryAddress.carrierId,
            Name: line.physicalDeliveryAddress.name,
            AddressLine1: line.physicalDeliveryAddress.addressLine1,
            AddressLine2: line.physicalDeliveryAddress.addressLine2,
            City: line.physicalDeliveryAddress.city,
            State: line.physicalDeliveryAddress.state,
            Zip: line.physicalDeliveryAddress.zip,
            Country: line.physicalDeliveryAddress.country,
          },
        }),
    ...(line.personalization === undefined
      ? {}
      : {
          Personalization: {
            To: line.personalization.to,
            FromName: line.personalization.fromName,
            FromEmail: line.personalization.fromEmail,
            Message: line.personalization.message,
          },
        }),
  })),
});
