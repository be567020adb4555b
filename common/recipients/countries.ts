import { getCountries, isSupportedCountry } from 'libphonenumber-js/max';
import { normaliseWhitespace } from './normalise.ts';

/** Where a phone number typed without +country is read, until the user picks another country for a draft. */
export const defaultPhoneCountry = 'US';

/** How people write the United States in an address column. */
const unitedStates = new Set([
  'us',
  'usa',
  'u.s.',
  'u.s.a.',
  'united states',
  'united states of america',
  'america',
]);
/** Codes people use that ISO spells differently. */
const codeAliases: Readonly<Record<string, string>> = { uk: 'GB' };

// English country names, built once on first use: the phone metadata already carries every ISO region
// code, and Intl knows their names, so no 250-line table has to be kept up to date here.
let codesByName: ReadonlyMap<string, string> | undefined;
const countryNames = (): ReadonlyMap<string, string> => {
  if (codesByName === undefined) {
    const names = new Intl.DisplayNames(['en'], { type: 'region' });
    codesByName = new Map(getCountries().map((code) => [(names.of(code) ?? code).toLowerCase(), code]));
  }
  return codesByName;
};

/** "US", "usa", "United States" → "US"; "ca" or "Canada" → "CA"; undefined when not a country we know. */
export const countryCode = (text: string): string | undefined => {
  const lower = normaliseWhitespace(text).toLowerCase();
  if (unitedStates.has(lower)) return 'US';
  const alias = codeAliases[lower];
  if (alias !== undefined) return alias;
  const upper = lower.toUpperCase();
  if (upper.length === 2) return isSupportedCountry(upper) ? upper : undefined;
  return countryNames().get(lower);
};
