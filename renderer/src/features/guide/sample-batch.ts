import type { RecipientRow } from '../../../../common/recipients/fields.ts';
import { defaultDraftSettings } from '../../state/draft-store.ts';
import type { DraftSettings } from '../../../../common/contract/drafts.ts';

export const sampleDraftName = 'Sample batch (sandbox)';

/**
 * A $25 Northwind Coffee card each: a product of the built-in sandbox's catalog
 * (main/sandbox/catalog-seed.ts), which is why the guide offers the sample on the Sandbox only.
 */
export const sampleDraftSettings: DraftSettings = {
  ...defaultDraftSettings,
  deliveryType: 'DigitalDelivery',
  defaults: { product_id: 'NORTHWIND-COFFEE', amount: '25' },
};

/** Fictional people at example.com, a domain reserved for examples: nobody can receive these. */
export const sampleRecipients: readonly RecipientRow[] = [
  { first_name: 'Ada', last_name: 'Lovelace', email: 'ada.lovelace@example.com' },
  { first_name: 'Grace', last_name: 'Hopper', email: 'grace.hopper@example.com' },
  { first_name: 'Alan', last_name: 'Turing', email: 'alan.turing@example.com' },
  { first_name: 'Katherine', last_name: 'Johnson', email: 'katherine.johnson@example.com' },
  { first_name: 'Edsger', last_name: 'Dijkstra', email: 'edsger.dijkstra@example.com' },
];
