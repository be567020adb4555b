import { centsToDecimalString, formatCents, type Cents } from '../money.ts';
import { err, ok, type Result } from '../result.ts';
import type { RecipientRow } from './fields.ts';

/** What a gift message may say about its recipient. Braces have no escape: a gift note rarely needs one. */
export const placeholderNames = ['first_name', 'last_name', 'amount'] as const;
export type PlaceholderName = (typeof placeholderNames)[number];
export type PlaceholderValues = Readonly<Record<PlaceholderName, string>>;

/** A parsed message: texts[0] placeholders[0] texts[1] … texts[n], so filling it is only concatenation. */
export interface MessageTemplate {
  readonly texts: readonly string[];
  readonly placeholders: readonly PlaceholderName[];
}

const isPlaceholderName = (name: string): name is PlaceholderName =>
  (placeholderNames as readonly string[]).includes(name);
const allowedList = '{first_name}, {last_name} or {amount}';
const shape = 'placeholders look like {first_name}';

/** Splits a message into text and placeholders, or says which brace or name is wrong. */
export const parseTemplate = (template: string): Result<MessageTemplate, string> => {
  const texts: string[] = [];
  const placeholders: PlaceholderName[] = [];
  let textStart = 0;
  for (let i = 0; i < template.length; i += 1) {
    const char = template[i];
    if (char === '}')
      return err(`The message has a } without an opening {: ${shape}; remove the stray brace.`);
    if (char !== '{') continue;
    const close = template.indexOf('}', i + 1);
    const nextOpen = template.indexOf('{', i + 1);
    if (nextOpen === i + 1) {
      const inner = template.slice(i + 2, close === -1 ? undefined : close);
      return err(`Placeholders use single braces: write {${inner}}, not {{${inner}}}.`);
    }
    if (close === -1 || (nextOpen !== -1 && nextOpen < close)) {
      return err(`The message has a { without a closing }: ${shape}; remove the stray brace.`);
    }
    const name = template.slice(i + 1, close);
    if (!isPlaceholderName(name)) return err(`Unknown placeholder {${name}}: use ${allowedList}.`);
    texts.push(template.slice(textStart, i));
    placeholders.push(name);
    textStart = close + 1;
    i = close;
  }
  texts.push(template.slice(textStart));
  return ok({ texts, placeholders });
};

export const fillTemplate = (template: MessageTemplate, values: PlaceholderValues): string => {
  if (template.placeholders.length === 0) return template.texts[0] ?? '';
  let message = template.texts[0] ?? '';
  template.placeholders.forEach((name, index) => {
    message += values[name] + (template.texts[index + 1] ?? '');
  });
  return message;
};

/**
 * The values a row gives its message. Names keep the user's spelling; with no first name, {first_name}
 * is the whole `name` rather than a guess at which word of it is the first name.
 */
export const placeholderValues = (
  row: RecipientRow,
  amountCents: Cents,
  currencyCode: string,
): PlaceholderValues => {
  const firstName = row.first_name?.trim() ?? '';
  return {
    first_name: firstName === '' ? (row.name?.trim() ?? '') : firstName,
    last_name: row.last_name?.trim() ?? '',
    amount: formatAmount(amountCents, currencyCode),
  };
};

/** "Hi {first_name}, here is {amount}!" → "Hi Pat, here is $25.00!", or what is wrong with the template. */
export const renderMessage = (
  template: string,
  row: RecipientRow,
  amountCents: Cents,
  currencyCode: string,
): Result<string, string> => {
  const parsed = parseTemplate(template);
  return parsed.ok
    ? ok(fillTemplate(parsed.value, placeholderValues(row, amountCents, currencyCode)))
    : parsed;
};

// One formatter per currency, and each amount formatted once: a batch writes the same few amounts in
// thousands of messages, and Intl formatting is the slowest step of filling one.
const formatted = new Map<string, Map<Cents, string>>();
const maxAmountsRemembered = 1_000;
const currencyCodeShape = /^[A-Z]{3}$/;

/** "$25.00", the way money.ts's formatCents writes it. */
export const formatAmount = (cents: Cents, currencyCode: string): string => {
  // Intl throws on a malformed code; catalog data is not a bug, so it still gets a readable amount.
  if (!currencyCodeShape.test(currencyCode)) return `${centsToDecimalString(cents)} ${currencyCode}`.trim();
  let amounts = formatted.get(currencyCode);
  if (amounts === undefined) {
    amounts = new Map();
    formatted.set(currencyCode, amounts);
  }
  const known = amounts.get(cents);
  if (known !== undefined) return known;
  const text = formatCents(cents, currencyCode);
  if (amounts.size < maxAmountsRemembered) amounts.set(cents, text);
  return text;
};
