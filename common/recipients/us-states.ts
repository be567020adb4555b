import { normaliseWhitespace } from './normalise.ts';

/**
 * Every code USPS delivers to as a "state" (Publication 28): the 50 states, DC, the inhabited
 * territories, the freely associated states and the Armed Forces codes for APO/FPO/DPO mail.
 */
const uspsStates: Readonly<Record<string, string>> = {
  AL: 'Alabama',
  AK: 'Alaska',
  AZ: 'Arizona',
  AR: 'Arkansas',
  CA: 'California',
  CO: 'Colorado',
  CT: 'Connecticut',
  DE: 'Delaware',
  FL: 'Florida',
  GA: 'Georgia',
  HI: 'Hawaii',
  ID: 'Idaho',
  IL: 'Illinois',
  IN: 'Indiana',
  IA: 'Iowa',
  KS: 'Kansas',
  KY: 'Kentucky',
  LA: 'Louisiana',
  ME: 'Maine',
  MD: 'Maryland',
  MA: 'Massachusetts',
  MI: 'Michigan',
  MN: 'Minnesota',
  MS: 'Mississippi',
  MO: 'Missouri',
  MT: 'Montana',
  NE: 'Nebraska',
  NV: 'Nevada',
  NH: 'New Hampshire',
  NJ: 'New Jersey',
  NM: 'New Mexico',
  NY: 'New York',
  NC: 'North Carolina',
  ND: 'North Dakota',
  OH: 'Ohio',
  OK: 'Oklahoma',
  OR: 'Oregon',
  PA: 'Pennsylvania',
  RI: 'Rhode Island',
  SC: 'South Carolina',
  SD: 'South Dakota',
  TN: 'Tennessee',
  TX: 'Texas',
  UT: 'Utah',
  VT: 'Vermont',
  VA: 'Virginia',
  WA: 'Washington',
  WV: 'West Virginia',
  WI: 'Wisconsin',
  WY: 'Wyoming',
  DC: 'District of Columbia',
  AS: 'American Samoa',
  GU: 'Guam',
  MP: 'Northern Mariana Islands',
  PR: 'Puerto Rico',
  VI: 'Virgin Islands',
  FM: 'Federated States of Micronesia',
  MH: 'Marshall Islands',
  PW: 'Palau',
  AA: 'Armed Forces Americas',
  AE: 'Armed Forces Europe',
  AP: 'Armed Forces Pacific',
};

/** Spellings people use besides the official name, compared in lower case. */
const extraNames: Readonly<Record<string, string>> = {
  'washington dc': 'DC',
  'washington d.c.': 'DC',
  'd.c.': 'DC',
  'us virgin islands': 'VI',
  'u.s. virgin islands': 'VI',
  micronesia: 'FM',
};

const byName = new Map<string, string>([
  ...Object.entries(uspsStates).map(([code, name]): [string, string] => [name.toLowerCase(), code]),
  ...Object.entries(extraNames),
]);

/** "ny", "NY" or "New York" → "NY"; undefined when it is not a USPS state code or name. */
export const uspsStateCode = (text: string): string | undefined => {
  const cleaned = normaliseWhitespace(text);
  const upper = cleaned.toUpperCase();
  if (upper.length === 2) return Object.hasOwn(uspsStates, upper) ? upper : undefined;
  return byName.get(cleaned.toLowerCase());
};
