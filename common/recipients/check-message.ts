import { fieldLabels, type RecipientField, type RecipientRow } from './fields.ts';
import type { Offer } from './check-offer.ts';
import { fillTemplate, placeholderNames, placeholderValues, type PlaceholderName } from './placeholders.ts';
import type { PreparedContext } from './prepared-context.ts';
import { errorAt, warningAt, type CellIssue } from './validation-types.ts';

/** Personalisation limits: the provider documents none (docs/provider-api.md §13.5), so these are GiftBatch's own. */
export const maxMessageLength = 500;
export const maxFromNameLength = 100;

export interface Personalisation {
  readonly message: string | null;
  readonly fromName: string | null;
}

const emptyWhat: Readonly<Record<PlaceholderName, string>> = {
  first_name: 'no first name or name',
  last_name: 'no last name',
  amount: 'no amount',
};

/**
 * The message (placeholders filled, batch default applied) and the sender's name. The message keeps
 * the user's line breaks: only its ends are trimmed. Undefined after an error.
 */
export const checkPersonalisation = (
  row: RecipientRow,
  prepared: PreparedContext,
  offer: Offer | undefined,
  issues: CellIssue[],
): Personalisation | undefined => {
  const { defaults } = prepared.context;
  const fromName = inherited(row.from_name, defaults.from_name);
  const isFromNameOk = fitsLength('from_name', fromName, maxFromNameLength, issues);

  const template = inherited(row.message, defaults.message);
  if (template === '') return isFromNameOk ? { message: null, fromName: nullIfEmpty(fromName) } : undefined;
  const parsed = prepared.template(template);
  if (!parsed.ok) {
    issues.push(errorAt('message', parsed.error));
    return undefined;
  }
  // Without a valid amount the message cannot be filled; the amount cell already says why.
  if (offer === undefined) return undefined;
  const { placeholders } = parsed.value;
  let message = template;
  if (placeholders.length > 0) {
    const values = placeholderValues(row, offer.amountCents, offer.rule.product.currencyCode);
    message = fillTemplate(parsed.value, values);
    for (const name of placeholderNames) {
      if (values[name] !== '' || !placeholders.includes(name)) continue;
      const warning = `The message uses {${name}}, but this row has ${emptyWhat[name]}: add one, or change the message.`;
      issues.push(warningAt('message', warning));
    }
  }
  const what = placeholders.length > 0 ? 'Message, with its placeholders filled,' : 'Message';
  const isMessageOk = fitsLength('message', message, maxMessageLength, issues, what);
  return isMessageOk && isFromNameOk ? { message, fromName: nullIfEmpty(fromName) } : undefined;
};

/** The row's own text, else the batch default, trimmed. */
export const inherited = (own: string | undefined, fallback: string | undefined): string => {
  const mine = own?.trim() ?? '';
  return mine === '' ? (fallback?.trim() ?? '') : mine;
};

export const nullIfEmpty = (text: string): string | null => (text === '' ? null : text);

/**
 * Counts UTF-16 units, as the provider's .NET backend (docs/provider-api.md §13.2) would check a length: an emoji
 * counts twice, which is stricter, never looser, than what a person sees.
 */
export const fitsLength = (
  field: RecipientField,
  text: string,
  max: number,
  issues: CellIssue[],
  what: string = fieldLabels[field],
): boolean => {
  if (text.length <= max) return true;
  issues.push(errorAt(field, `${what} is ${text.length} characters long: shorten it to ${max} or fewer.`));
  return false;
};
