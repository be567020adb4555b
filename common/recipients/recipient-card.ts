import type { DeliveryType } from '../catalog/product.ts';
import type { Cents } from '../money.ts';
import type { ValidatedAddress, ValidatedRecipient } from './validation-types.ts';

/** How a card reaches its recipient. */
export type DeliveryChannel = 'email' | 'email_and_sms' | 'sms' | 'links' | 'post';

/**
 * What one recipient gets, from the row's validated values (docs/architecture.md §1.9): the order's
 * personalisation and digital address are built from this, and the grid's preview shows it, so what
 * the user sees is what is sent.
 */
export interface RecipientCard {
  /** The name the card is addressed to: `name`, else first + last name. */
  readonly to: string | null;
  readonly fromName: string | null;
  readonly fromEmail: string | null;
  /** Placeholders filled, as sent. */
  readonly message: string | null;
  readonly channel: DeliveryChannel;
  readonly email: string | null;
  /** E.164. */
  readonly sms: string | null;
  readonly address: ValidatedAddress | null;
  readonly productId: string;
  readonly valueCents: Cents;
  readonly quantity: number;
}

const digitalChannel = (email: string | null, sms: string | null): DeliveryChannel => {
  if (email === null) return 'sms';
  return sms === null ? 'email' : 'email_and_sms';
};

export const recipientCard = (recipient: ValidatedRecipient, deliveryType: DeliveryType): RecipientCard => {
  const isDigital = deliveryType === 'DigitalDelivery';
  return {
    to: recipient.fullName,
    fromName: recipient.fromName,
    fromEmail: recipient.fromEmail,
    message: recipient.message,
    channel:
      deliveryType === 'Links'
        ? 'links'
        : deliveryType === 'PhysicalShipment'
          ? 'post'
          : digitalChannel(recipient.email, recipient.sms),
    // A Links row's email is kept for the record only: the provider emails no one (docs/provider-api.md §5.3).
    email: isDigital ? recipient.email : null,
    sms: isDigital ? recipient.sms : null,
    address: deliveryType === 'PhysicalShipment' ? recipient.address : null,
    productId: recipient.productId,
    valueCents: recipient.amountCents,
    quantity: recipient.quantity,
  };
};

export const channelLabels: Readonly<Record<DeliveryChannel, string>> = {
  email: 'Email',
  email_and_sms: 'Email and text message',
  sms: 'Text message (no email)',
  links: 'Claim link',
  post: 'Post',
};

/** "Email to pat@example.org", "Text message to +12125550123", "Post to Boston, MA", "Claim link". */
export const describeDestination = (card: RecipientCard): string => {
  switch (card.channel) {
    case 'email':
      return `Email to ${card.email ?? ''}`;
    case 'email_and_sms':
      return `Email to ${card.email ?? ''} and text message to ${card.sms ?? ''}`;
    case 'sms':
      return `Text message to ${card.sms ?? ''} (no email)`;
    case 'links':
      return card.quantity === 1
        ? 'A claim link, for you to hand out'
        : `${String(card.quantity)} claim links, for you to hand out`;
    case 'post':
      return card.address === null ? 'Post' : `Post to ${card.address.city}, ${card.address.state}`;
  }
};
