import { countryCode } from './countries.ts';
import { fieldLabels, type RecipientField, type RecipientRow } from './fields.ts';
import { normaliseWhitespace } from './normalise.ts';
import { orList } from './or-list.ts';
import type { PreparedContext } from './prepared-context.ts';
import { uspsStateCode } from './us-states.ts';
import { errorAt, warningAt, type CellIssue, type ValidatedAddress } from './validation-types.ts';

const usZip = /^\d{5}(?:-\d{4})?$/;
const zipPlus4Digits = /^\d{9}$/;
const fourDigits = /^\d{4}$/;

const whatToEnter = {
  address_line1: 'enter the street address',
  city: 'enter the city',
  state: 'enter the state',
  zip: 'enter the ZIP or postal code',
  country: 'enter the country, such as US',
} as const satisfies Partial<Record<RecipientField, string>>;
type RequiredAddressField = keyof typeof whatToEnter;

/** PhysicalShipment: a complete postal address (docs/provider-api.md §5.3) and a shipping method the provider offers. */
export const checkAddress = (
  row: RecipientRow,
  prepared: PreparedContext,
  issues: CellIssue[],
): ValidatedAddress | undefined => {
  const errorsBefore = issues.length;
  const required = (field: RequiredAddressField): string => {
    const value = normaliseWhitespace(row[field] ?? '');
    if (value === '') issues.push(errorAt(field, `${fieldLabels[field]} is missing: ${whatToEnter[field]}.`));
    return value;
  };
  const line1 = required('address_line1');
  const city = required('city');
  const stateText = required('state');
  const zipText = required('zip');
  const countryText = required('country');

  const country = countryText === '' ? '' : (countryCode(countryText) ?? '');
  if (countryText !== '' && country === '') {
    issues.push(
      errorAt(
        'country',
        `Country "${countryText}" is not recognised: use its 2-letter code, such as US or CA.`,
      ),
    );
  }
  const isUs = country === 'US';
  const state = isUs && stateText !== '' ? usState(stateText, issues) : stateText;
  const zip = isUs && zipText !== '' ? usZipCode(zipText, issues) : zipText;
  const shippingMethodId = shippingMethod(row.shipping_method ?? '', prepared, issues);

  const line2 = normaliseWhitespace(row.address_line2 ?? '');
  const hasError = issues.slice(errorsBefore).some((issue) => issue.severity === 'error');
  if (hasError || shippingMethodId === undefined) return undefined;
  return { line1, line2: line2 === '' ? null : line2, city, state, zip, country, shippingMethodId };
};

/** "New York" or "ny" → "NY". */
const usState = (text: string, issues: CellIssue[]): string => {
  const code = uspsStateCode(text);
  if (code === undefined) {
    issues.push(
      errorAt('state', `State "${text}" is not a US state: use its 2-letter code, such as NY or CA.`),
    );
  }
  return code ?? text;
};

/** 12345 or 12345-6789, as text; "123456789" gains its hyphen. */
const usZipCode = (text: string, issues: CellIssue[]): string => {
  if (usZip.test(text)) return text;
  if (zipPlus4Digits.test(text)) return `${text.slice(0, 5)}-${text.slice(5)}`;
  // Spreadsheets store 02134 as the number 2134; say so rather than only "invalid".
  const hint = fourDigits.test(text) ? ` If a spreadsheet dropped a leading zero, write 0${text}.` : '';
  issues.push(
    errorAt('zip', `ZIP "${text}" is not a US ZIP code: use 5 digits (12345) or ZIP+4 (12345-6789).${hint}`),
  );
  return text;
};

/** The provider's spelling of the row's method; an empty cell takes the first method, with a warning. */
const shippingMethod = (text: string, prepared: PreparedContext, issues: CellIssue[]): string | undefined => {
  const offered = prepared.context.shippingMethodIds;
  const wanted = text.trim();
  const [first] = offered;
  if (first === undefined) {
    issues.push(
      errorAt(
        'shipping_method',
        'No shipping methods are loaded: reconnect to GiftCard Partners to load them.',
      ),
    );
    return undefined;
  }
  if (wanted === '') {
    issues.push(
      warningAt(
        'shipping_method',
        `Shipping method is empty, so ${first} will be used: choose one to use another.`,
      ),
    );
    return first;
  }
  const method = prepared.shippingMethods.get(wanted.toUpperCase());
  if (method === undefined) {
    issues.push(
      errorAt('shipping_method', `Shipping method "${wanted}" is not offered: choose ${orList(offered)}.`),
    );
  }
  return method;
};
