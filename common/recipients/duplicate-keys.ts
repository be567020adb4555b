import { normaliseWhitespace } from './normalise.ts';
import type { RecipientField } from './fields.ts';
import type { ValidatedAddress } from './validation-types.ts';

/** What makes two rows the same person, most specific first. */
export const duplicateKinds = ['email', 'sms', 'address'] as const;
export type DuplicateKind = (typeof duplicateKinds)[number];

export interface DuplicateKey {
  readonly kind: DuplicateKind;
  readonly key: string;
}

/** Which cell a duplicate warning sits on, and how it reads. */
export const duplicateWording: Readonly<Record<DuplicateKind, { field: RecipientField; what: string }>> = {
  email: { field: 'email', what: 'email' },
  sms: { field: 'sms', what: 'mobile number' },
  address: { field: 'address_line1', what: 'name and address' },
};

/** The cells a key is read from: a row whose error sits in one of them has no settled key yet. */
export const duplicateKeyFields: Readonly<Record<DuplicateKind, readonly RecipientField[]>> = {
  email: ['email'],
  sms: ['sms'],
  address: [
    'first_name',
    'last_name',
    'name',
    'address_line1',
    'address_line2',
    'city',
    'state',
    'zip',
    'country',
  ],
};

/** The parts of a row's normalised values a duplicate is recognised by (a ValidatedRecipient has them). */
export interface DuplicateParts {
  readonly emailKey: string | null;
  readonly sms: string | null;
  readonly fullName: string | null;
  readonly address: ValidatedAddress | null;
}

/**
 * The lower-cased email, else the E.164 mobile number, else (for physical cards) the name and address
 * compared without case or extra spaces. Undefined when the row has nothing to compare, such as a
 * Links row without an email: identical Links rows are a normal way to ask for more links.
 */
export const duplicateKey = (recipient: DuplicateParts): DuplicateKey | undefined => {
  if (recipient.emailKey !== null) return { kind: 'email', key: recipient.emailKey };
  if (recipient.sms !== null) return { kind: 'sms', key: recipient.sms };
  const { address } = recipient;
  if (address === null) return undefined;
  const parts = [
    recipient.fullName ?? '',
    address.line1,
    address.line2 ?? '',
    address.city,
    address.state,
    address.country === 'US' ? address.zip.slice(0, 5) : address.zip, // 12345-6789 is within 12345
    address.country,
  ];
  // Nobody types the unit separator into a cell, so two different addresses never join the same way.
  return { kind: 'address', key: normaliseWhitespace(parts.join('\u001f')).toLowerCase() };
};
