import { emailSyntaxProblem, suggestEmail } from './email-typos.ts';
import type { RecipientField, RecipientRow } from './fields.ts';
import { normaliseEmail } from './normalise.ts';
import type { PreparedContext } from './prepared-context.ts';
import { errorAt, warningAt, type CellIssue } from './validation-types.ts';

/** Where a card goes or whom it is recorded for; null fields were empty. */
export interface Contact {
  readonly email: string | null;
  readonly emailKey: string | null;
  readonly sms: string | null;
  readonly fromEmail: string | null;
}

const noContact: Contact = { email: null, emailKey: null, sms: null, fromEmail: null };

/**
 * DigitalDelivery: an email or a mobile number (or both) to deliver to, and an optional sender email;
 * with Email only, an email, and the mobile number left out.
 */
export const checkDigitalContact = (
  row: RecipientRow,
  prepared: PreparedContext,
  issues: CellIssue[],
): Contact | undefined => {
  const emailText = row.email?.trim() ?? '';
  const emailOnly = prepared.context.emailOnly === true;
  // Email only: the mobile column is not read, so nothing in it is sent or can stop a row.
  const smsText = emailOnly ? '' : (row.sms?.trim() ?? '');
  if (emailOnly && emailText === '') {
    issues.push(
      errorAt(
        'email',
        'Email is missing, and this batch sends by email only: enter an email, or turn off "Email only" in the batch settings.',
      ),
    );
    return undefined;
  }
  if (emailText === '' && smsText === '') {
    issues.push(
      errorAt('email', 'Email or mobile number is missing: enter at least one to deliver the card to.'),
    );
    return undefined;
  }
  const email = checkEmail('email', emailText, issues);
  const sms = smsText === '' ? null : prepared.phone(smsText);
  if (sms !== null && !sms.ok) issues.push(errorAt('sms', sms.error));
  const fromText = row.from_email?.trim() ?? '';
  const fromEmail = checkEmail('from_email', fromText, issues);
  if (email === undefined || fromEmail === undefined || (sms !== null && !sms.ok)) return undefined;
  return {
    email,
    emailKey: email === null ? null : normaliseEmail(email),
    sms: sms === null ? null : sms.value,
    fromEmail,
  };
};

/** Links: no address is needed; an email is kept for the record, so it must at least be well formed. */
export const checkLinksContact = (row: RecipientRow, issues: CellIssue[]): Contact | undefined => {
  const email = checkEmail('email', row.email?.trim() ?? '', issues);
  if (email === undefined) return undefined;
  return email === null ? noContact : { ...noContact, email, emailKey: normaliseEmail(email) };
};

/** Null for an empty cell, the trimmed email when well formed, undefined after an error. */
const checkEmail = (field: RecipientField, email: string, issues: CellIssue[]): string | null | undefined => {
  if (email === '') return null;
  const problem = emailSyntaxProblem(email);
  if (problem !== undefined) {
    issues.push(errorAt(field, problem));
    return undefined;
  }
  const suggestion = suggestEmail(email);
  if (suggestion !== undefined) issues.push(warningAt(field, `Did you mean ${suggestion}?`));
  return email;
};
