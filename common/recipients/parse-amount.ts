import type { Cents } from '../money.ts';
import { err, ok, type Result } from '../result.ts';

/** "$", "US$" or "USD" before the number, or "USD" after it: the currency marks people type for dollars. */
const currencyMark = /^(?:US\$|\$|USD)\s*|\s*USD$/gi;
/** A minus (ASCII or typographic) before the number, or the accountants' parentheses: "-25", "-$25", "($25)". */
const negative = /^[-−]\s*(?:US\$|\$|USD)?\s*[\d.,]|^\(\s*(?:US\$|\$|USD)?\s*[\d.,]+\s*\)$/i;
/** 1250, 1250.5, .5, 1,250.00: commas only as US thousands separators, in groups of three. */
const usNumber = /^(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?$/;
/** 1.250,00 or 25,50: a comma as the decimal mark, which GiftBatch refuses rather than guesses. */
const decimalComma = /^(?:\d{1,3}(?:\.\d{3})+|\d+),\d{1,2}$/;
const hasDigit = /\d/;
const example = 'enter a value such as 25 or 25.50';

/**
 * Text a person typed or pasted ("$1,250.00", "25 USD", " 25 ") to cents, or a message saying what to
 * fix. Parsed from the digits, never through a float, so "0.29" is exactly 29 cents.
 */
export const parseAmount = (text: string): Result<Cents, string> => {
  const trimmed = text.trim();
  if (trimmed === '') return err(`Amount is missing: ${example}.`);
  const bare = trimmed.replace(currencyMark, '');
  if (negative.test(bare))
    return err(`Amounts cannot be negative: ${trimmed}. Enter the value without a minus sign.`);
  if (decimalComma.test(bare)) {
    const rewritten = bare.replaceAll('.', '').replace(',', '.');
    return err(`Amount ${trimmed} uses a comma as the decimal mark: write it as ${rewritten}.`);
  }

  const match = usNumber.exec(bare);
  if (match === null || !hasDigit.test(bare)) return err(`Amount "${trimmed}" is not a number: ${example}.`);
  const decimals = match[1] ?? '';
  if (decimals.length > 2) return err(`Amounts have at most 2 decimals: ${trimmed}`);

  const whole = bare.slice(0, bare.length - (match[1] === undefined ? 0 : decimals.length + 1));
  const cents = Number(whole.replaceAll(',', '') || '0') * 100 + Number(decimals.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) return err(`Amount ${trimmed} is too large: ${example}.`);
  if (cents === 0) return err(`Amount ${trimmed} is zero: ${example}.`);
  return ok(cents);
};
