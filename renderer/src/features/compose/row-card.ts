import type { DraftSettings } from '../../../../common/contract/drafts.ts';
import type { RecipientRow } from '../../../../common/recipients/fields.ts';
import {
  recipientCard,
  type DeliveryChannel,
  type RecipientCard,
} from '../../../../common/recipients/recipient-card.ts';
import type { ValidatedRecipient } from '../../../../common/recipients/validate-row.ts';

/** A grid row's card as far as it is known: the full card once the row is valid, else what its cells say. */
export interface RowCardView {
  /** Who the card is addressed to; '' when the row has no name yet. */
  readonly to: string;
  /** How it goes out; null when the row has neither an email nor a mobile number yet. */
  readonly channel: DeliveryChannel | null;
  /** The card exactly as it will be sent; null while the row has errors. */
  readonly card: RecipientCard | null;
}

const typed = (text: string | undefined): string => text?.trim() ?? '';

/** How a row with errors would go, read from its cells the way validation reads them. */
const typedChannel = (values: RecipientRow, settings: DraftSettings): DeliveryChannel | null => {
  if (settings.deliveryType === 'Links') return 'links';
  if (settings.deliveryType === 'PhysicalShipment') return 'post';
  const email = typed(values.email) !== '';
  const sms = settings.emailOnly !== true && typed(values.sms) !== '';
  if (email) return sms ? 'email_and_sms' : 'email';
  return sms ? 'sms' : null;
};

/** `recipient`: the row's as validation worked it out; null or undefined while it has errors or is unchecked. */
export const rowCardView = (
  values: RecipientRow,
  recipient: ValidatedRecipient | null | undefined,
  settings: DraftSettings,
): RowCardView => {
  if (recipient !== null && recipient !== undefined) {
    const card = recipientCard(recipient, settings.deliveryType);
    return { to: card.to ?? '', channel: card.channel, card };
  }
  const name = typed(values.name);
  const to =
    name === '' ? [typed(values.first_name), typed(values.last_name)].filter(Boolean).join(' ') : name;
  return { to, channel: typedChannel(values, settings), card: null };
};
