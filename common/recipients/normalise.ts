// The max metadata checks a number's digits against each country's numbering plan; min mostly checks
// length, so it accepts numbers no carrier can reach, such as +1 800 155 1234. A card texted to a number
// that cannot exist is lost, and the extra 65 kB is nothing in a desktop app.
import {
  isSupportedCountry,
  type CountryCode,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
} from 'libphonenumber-js/max';
import { err, ok, type Result } from '../result.ts';

/** Runs of whitespace (including no-break spaces, tabs and newlines) become one space; ends are trimmed. */
export const normaliseWhitespace = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The form emails are compared in (duplicates, history): trimmed and lower-cased. */
export const normaliseEmail = (text: string): string => text.trim().toLowerCase();

/**
 * Names keep the user's spelling, capitalisation and inner spacing; the ends are trimmed. A line break
 * or tab inside one (Excel's Alt+Enter wrapping a long name) becomes a space: the name a person reads
 * in the cell is its words side by side, and a control character never reaches the provider.
 */
export const normaliseName = (text: string): string => {
  const trimmed = text.trim();
  // Nearly every name has no break to replace: one test, and no replace that copies the text.
  return lineBreakOrTab.test(trimmed) ? trimmed.replace(/\s*[\t\r\n]+\s*/g, ' ') : trimmed;
};
const lineBreakOrTab = /[\t\r\n]/;

/** The provider's rule for SMS numbers (docs/provider-api.md §13.6): + then 8 to 15 digits. */
const providerE164 = /^\+\d{8,15}$/;

/**
 * A phone number as typed ("(212) 555-0123", "+44 20 7946 0958") to E.164 ("+12125550123"), or a message
 * saying what to fix. National numbers are read in `defaultCountry` (ISO 3166 alpha-2, e.g. "US").
 */
export const normalisePhone = (text: string, defaultCountry: string): Result<string, string> => {
  const trimmed = text.trim();
  const quoted = `Mobile number "${trimmed}"`;
  if (trimmed === '') return err('Mobile number is missing: enter one such as +1 212 555 0123.');
  const upper = defaultCountry.toUpperCase();
  const country = isSupportedCountry(upper) ? upper : undefined;
  const options = { defaultCountry: country, extract: false };

  const phone = parsePhoneNumberFromString(trimmed, options);
  if (!phone?.isPossible()) return err(lengthMessage(trimmed, country));
  if (phone.ext !== undefined)
    return err(`${quoted} has an extension: a text message cannot reach one, remove it.`);
  if (!phone.isValid() || !providerE164.test(phone.number)) {
    const where = phone.country ?? country;
    return err(
      `${quoted} is not a valid ${where === undefined ? '' : `${where} `}number: check the area code and digits, ` +
        'or start with + and the country code.',
    );
  }
  return ok(phone.number);
};

/** Why a number is not even the right shape, asked only after the fast path failed. */
const lengthMessage = (trimmed: string, country: CountryCode | undefined): string => {
  const quoted = `Mobile number "${trimmed}"`;
  const inCountry = country === undefined ? 'a' : `a ${country}`;
  const problem = validatePhoneNumberLength(trimmed, { defaultCountry: country });
  switch (problem) {
    case 'INVALID_COUNTRY':
      return `${quoted} has no country code: start it with + and the country code, such as +44 20 7946 0958.`;
    case 'TOO_SHORT':
    case 'INVALID_LENGTH':
      return `${quoted} is too short for ${inCountry} number: check the digits, including the area code.`;
    case 'TOO_LONG':
      return `${quoted} is too long for ${inCountry} number: check the digits, or start with + and the country code.`;
    case 'NOT_A_NUMBER':
    case undefined: // the right length, but words around the digits ("212 555 0123 (work)")
      return `${quoted} is not a phone number: use only digits, spaces, ( ) - and a leading +.`;
    default: {
      const unexpected: never = problem;
      return `${quoted} is not a phone number (${String(unexpected)}).`;
    }
  }
};
