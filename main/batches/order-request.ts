import type { DeliveryType } from '../../common/catalog/product.ts';
import { recipientCard, type RecipientCard } from '../../common/recipients/recipient-card.ts';
import type { ValidatedRecipient } from '../../common/recipients/validation-types.ts';
import type { CreateOrderLine, CreateOrderRequest, Personalization } from '../api/order-types.ts';

/** Used when the provider names no carrier for a shipping method (docs/provider-api.md §5.3 example). */
export const defaultCarrierId = 'DEFAULT';

const personalizationOf = (card: RecipientCard): Personalization | undefined => {
  const personalization: Personalization = {
    ...(card.to === null ? {} : { to: card.to }),
    ...(card.fromName === null ? {} : { fromName: card.fromName }),
    ...(card.fromEmail === null ? {} : { fromEmail: card.fromEmail }),
    ...(card.message === null ? {} : { message: card.message }),
  };
  return Object.keys(personalization).length === 0 ? undefined : personalization;
};

/**
 * One order per recipient row (docs/architecture.md §5.1), its Quantity from the row, built from the
 * recipient's card: what the review and the grid's preview show (docs/architecture.md §1.9).
 */
export const orderForRecipient = (
  recipient: ValidatedRecipient,
  deliveryType: DeliveryType,
  carrierFor: (shippingMethodId: string) => string,
): Omit<CreateOrderRequest, 'poNumber'> => {
  const card = recipientCard(recipient, deliveryType);
  const personalization = personalizationOf(card);
  const { address } = card;
  const line: CreateOrderLine = {
    productId: card.productId,
    valueCents: card.valueCents,
    quantity: card.quantity,
    ...(deliveryType === 'DigitalDelivery'
      ? {
          digitalDeliveryAddress: {
            ...(card.email === null ? {} : { email: card.email }),
            ...(card.sms === null ? {} : { sms: card.sms }),
          },
        }
      : {}),
    ...(deliveryType === 'PhysicalShipment' && address !== null
      ? {
          physicalDeliveryAddress: {
            shippingMethodId: address.shippingMethodId,
            carrierId: carrierFor(address.shippingMethodId),
            name: card.to ?? '',
            addressLine1: address.line1,
            ...(address.line2 === null ? {} : { addressLine2: address.line2 }),
            city: address.city,
            state: address.state,
            zip: address.zip,
            country: address.country,
          },
        }
      : {}),
    ...(personalization === undefined ? {} : { personalization }),
  };
  return { type: deliveryType, lines: [line] };
};

/** Who a row rewards, as the user wrote it: "Pat Doe <pat@example.org>", a phone number, or a town. */
export const recipientLabel = (recipient: ValidatedRecipient, rowNo: number): string => {
  const contact = recipient.email ?? recipient.sms ?? recipient.address?.city ?? null;
  if (recipient.fullName !== null && contact !== null) return `${recipient.fullName} <${contact}>`;
  return recipient.fullName ?? contact ?? `Row ${String(rowNo)}`;
};
