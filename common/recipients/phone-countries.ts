/** Where a phone number typed without +country is assumed to be; the common ones, for a short list. */
export const phoneCountries = [
  ['US', 'United States (+1)'],
  ['CA', 'Canada (+1)'],
  ['GB', 'United Kingdom (+44)'],
  ['IE', 'Ireland (+353)'],
  ['AU', 'Australia (+61)'],
  ['NZ', 'New Zealand (+64)'],
  ['DE', 'Germany (+49)'],
  ['FR', 'France (+33)'],
  ['ES', 'Spain (+34)'],
  ['NL', 'Netherlands (+31)'],
  ['IN', 'India (+91)'],
  ['MX', 'Mexico (+52)'],
] as const;

/** A country the Compose screen offers for phone numbers: what a default country may be. */
export const isOfferedPhoneCountry = (code: string): boolean =>
  phoneCountries.some(([offered]) => offered === code);
