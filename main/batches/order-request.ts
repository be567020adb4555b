import type { DeliveryType } from '../../common/catalog/product.ts';
import type { ValidatedRecipient } from '../../common/recipients/validation-types.ts';
import type { CreateOrderLine, CreateOrderRequest, Personalization } from '../api/order-types.ts';

/** Used when the provider names no carrier for a shipping method (docs/provider-api.md §5.3 example). */
export const defaultCarrierId = 'DEFAULT';

const personalizationOf = (recipient: ValidatedRecipient): Personalization | undefined => {
  const personalization: Personalization = {
    ...(recipient.fullName === null ? {} : { to: recipient.fullName }),
    ...(recipient.fromName === null ? {} : { fromName: recipient.fromName }),
    ...(recipient.fromEmail === null ? {} : { fromEmail: recipient.fromEmail }),
    ...(recipient.message === null ? {} : { message: recipient.message }),
  };
  return Object.keys(personalization).length === 0 ? undefined : personalization;
};

/** One order per recipient row (docs/architecture.md §5.1), its Quantity from the row. */
export const orderForRecipient = (
  recipient: ValidatedRecipient,
  deliveryType: DeliveryType,
  carrierFor: (shippingMethodId: string) => string,
): Omit<CreateOrderRequest, 'poNumber'> => {
  const personalization = personalizationOf(recipient);
  const { address } = recipient;
  const line: CreateOrderLine = {
    productId: recipient.productId,
    valueCents: recipient.amountCents,
    quantity: recipient.quantity,
    ...(deliveryType === 'DigitalDelivery'
      ? {
          digitalDeliveryAddress: {
            ...(recipient.email === null ? {} : { email: recipient.email }),
            ...(recipient.sms === null ? {} : { sms: recipient.sms }),
          },
        }
      : {}),
    ...(deliveryType === 'PhysicalShipment' && address !== null
      ? {
          physicalDeliveryAddress: {
            shippingMethodId: address.shippingMethodId,
            carrierId: carrierFor(address.shippingMethodId),
            name: recipient.fullName ?? '',
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
