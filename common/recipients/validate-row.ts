import type { DeliveryType } from '../catalog/product.ts';
import { checkAddress } from './check-address.ts';
import { screenCharacters } from './check-characters.ts';
import { checkDigitalContact, checkLinksContact, type Contact } from './check-contact.ts';
import { fitsLength, nullIfEmpty, checkPersonalisation } from './check-message.ts';
import { checkOffer } from './check-offer.ts';
import { duplicateKey, duplicateKeyFields, type DuplicateKey } from './duplicate-keys.ts';
import type { RecipientRow } from './fields.ts';
import { normaliseName } from './normalise.ts';
import { prepareContext, type PreparedContext } from './prepared-context.ts';
import {
  errorAt,
  type CellIssue,
  type RowValidation,
  type ValidatedAddress,
  type ValidationContext,
} from './validation-types.ts';

// Consumers import the row's types from here, beside the function that produces them.
export type {
  CellIssue,
  IssueSeverity,
  RowValidation,
  ValidatedAddress,
  ValidatedRecipient,
  ValidationContext,
} from './validation-types.ts';

export const maxNameLength = 100;

/**
 * Checks one row against the catalog and the provider's rules (docs/provider-api.md §5, §13.6) for the batch's
 * delivery type. Every issue names its cell and says how to fix it; the recipient is the row's
 * effective, normalised values, or null when any issue is an error.
 */
export const validateRow = (row: RecipientRow, context: ValidationContext): RowValidation =>
  validatePreparedRow(row, prepareContext(context));

/** validateRow with the context already prepared, so a batch looks it up once rather than per row. */
export const validatePreparedRow = (typed: RecipientRow, prepared: PreparedContext): RowValidation =>
  checkPreparedRow(typed, prepared).validation;

/** A row's own validation and the key the duplicate check compares it by. */
export interface CheckedRow {
  readonly validation: RowValidation;
  /**
   * Undefined when the row has nothing to compare, or an error in a cell the key is read from. An
   * error elsewhere (a wrong amount) keeps the key: the person may be listed twice either way, and
   * the user should see both problems at once.
   */
  readonly key: DuplicateKey | undefined;
}

// Frozen: a caller that tried to add to it would throw rather than give every clean row its issue.
const noIssues: CellIssue[] = [];
Object.freeze(noIssues);

/** validatePreparedRow and the row's duplicate key, from one pass over the row. */
export const checkPreparedRow = (typed: RecipientRow, prepared: PreparedContext): CheckedRow => {
  const issues: CellIssue[] = [];
  // Control, bidi and zero-width characters are errors of their own; the checks below still run, so
  // every other problem of the row shows at once.
  const row = screenCharacters(typed, issues);
  const names = checkNames(row, prepared.context.deliveryType, issues);
  const offer = checkOffer(row, prepared, issues);
  const delivery = checkDelivery(row, prepared, issues);
  const personalisation = checkPersonalisation(row, prepared, offer, issues);
  const reference = nullIfEmpty(row.reference?.trim() ?? '');

  const key = keyOf(delivery, names, issues);
  // Each check returns undefined after its own error; hasError also catches errors a check kept going past.
  if (
    names === undefined ||
    offer === undefined ||
    delivery === undefined ||
    personalisation === undefined ||
    hasError(issues)
  ) {
    return { validation: { issues, recipient: null }, key };
  }
  // Spelled out rather than spread: one object shape for every row, built without copying four others.
  const { contact } = delivery;
  const recipient = {
    firstName: names.firstName,
    lastName: names.lastName,
    name: names.name,
    fullName: names.fullName,
    email: contact.email,
    emailKey: contact.emailKey,
    sms: contact.sms,
    fromEmail: contact.fromEmail,
    productId: offer.rule.product.id,
    amountCents: offer.amountCents,
    quantity: offer.quantity,
    message: personalisation.message,
    fromName: personalisation.fromName,
    address: delivery.address,
    reference,
  };
  // A clean row, nearly every row, shares one empty list rather than keeping its own.
  return { validation: { issues: issues.length === 0 ? noIssues : issues, recipient }, key };
};

const keyOf = (
  delivery: Delivery | undefined,
  names: Names | undefined,
  issues: readonly CellIssue[],
): DuplicateKey | undefined => {
  // A shipping label's key includes the name: without a settled name there is no key.
  if (delivery === undefined || (delivery.address !== null && names === undefined)) return undefined;
  const key = duplicateKey({
    emailKey: delivery.contact.emailKey,
    sms: delivery.contact.sms,
    fullName: names?.fullName ?? null,
    address: delivery.address,
  });
  if (key === undefined) return undefined;
  const fields: readonly string[] = duplicateKeyFields[key.kind];
  for (const issue of issues)
    if (issue.severity === 'error' && fields.includes(issue.field)) return undefined;
  return key;
};

const hasError = (issues: readonly CellIssue[]): boolean => {
  for (const issue of issues) if (issue.severity === 'error') return true;
  return false;
};

interface Names {
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly name: string | null;
  readonly fullName: string | null;
}

/** A card sent to a person needs a name to address it to; Links are handed out by the user. */
const checkNames = (
  row: RecipientRow,
  deliveryType: DeliveryType,
  issues: CellIssue[],
): Names | undefined => {
  const firstName = normaliseName(row.first_name ?? '');
  const lastName = normaliseName(row.last_name ?? '');
  const name = normaliseName(row.name ?? '');
  const fullName = name === '' ? joinNames(firstName, lastName) : name;
  const isFirstNameOk = fitsLength('first_name', firstName, maxNameLength, issues);
  const isLastNameOk = fitsLength('last_name', lastName, maxNameLength, issues);
  const isNameOk = fitsLength('name', name, maxNameLength, issues);
  if (fullName === '' && deliveryType !== 'Links') {
    issues.push(errorAt('first_name', 'Recipient name is missing: enter a first name, a last name or both.'));
    return undefined;
  }
  if (!isFirstNameOk || !isLastNameOk || !isNameOk) return undefined;
  return {
    firstName: nullIfEmpty(firstName),
    lastName: nullIfEmpty(lastName),
    name: nullIfEmpty(name),
    fullName: nullIfEmpty(fullName),
  };
};

/** `${first} ${last}`.trim() for trimmed names, without building a string only to trim it. */
const joinNames = (first: string, last: string): string => {
  if (first === '') return last;
  return last === '' ? first : `${first} ${last}`;
};

interface Delivery {
  readonly contact: Contact;
  readonly address: ValidatedAddress | null;
}

const noContact: Contact = { email: null, emailKey: null, sms: null, fromEmail: null };

/** Where the card goes: what each delivery type needs, and nothing it would ignore. */
const checkDelivery = (
  row: RecipientRow,
  prepared: PreparedContext,
  issues: CellIssue[],
): Delivery | undefined => {
  const { deliveryType } = prepared.context;
  switch (deliveryType) {
    case 'DigitalDelivery': {
      const contact = checkDigitalContact(row, prepared, issues);
      return contact === undefined ? undefined : { contact, address: null };
    }
    case 'Links': {
      const contact = checkLinksContact(row, issues);
      return contact === undefined ? undefined : { contact, address: null };
    }
    case 'PhysicalShipment': {
      const address = checkAddress(row, prepared, issues);
      return address === undefined ? undefined : { contact: noContact, address };
    }
    default: {
      const unexpected: never = deliveryType;
      throw new Error(`Unknown delivery type ${String(unexpected)}`);
    }
  }
};
