import { normalisePhone } from '../../common/recipients/normalise.ts';
import { defaultPhoneCountry } from '../../common/recipients/countries.ts';

/** The bound parameters of History's row search; a key that cannot match is null (and matches nothing). */
export interface SearchTerms {
  /** `term%`, escaped, for LIKE on the NOCASE indexes (email, names, reference, order id). */
  readonly prefix: string | null;
  /** PO numbers are upper case; their range on the PO index. */
  readonly poFrom: string | null;
  readonly poTo: string | null;
  /** The term read as a phone number (E.164), or a "+…" prefix typed as such. */
  readonly phone: string | null;
  readonly phoneFrom: string | null;
  readonly phoneTo: string | null;
  /** "Deborah N": the first name exactly and the last name by prefix. */
  readonly firstName: string | null;
  readonly lastNamePrefix: string | null;
  /** `%term%` for batch names, and the term as a batch code. */
  readonly nameContains: string | null;
  readonly batchId: string | null;
}

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (char) => `\\${char}`);
const rangeEnd = (text: string): string => `${text}\uffff`;

const noTerms: SearchTerms = {
  prefix: null,
  poFrom: null,
  poTo: null,
  phone: null,
  phoneFrom: null,
  phoneTo: null,
  firstName: null,
  lastNamePrefix: null,
  nameContains: null,
  batchId: null,
};

/**
 * What one search box means for each key History searches. Prefix matching on indexes keeps a search
 * over a million rows in milliseconds (docs/architecture.md §1.5); a phone number typed without a
 * country code is read in the app's default country.
 */
export const searchTermsOf = (search: string | undefined): SearchTerms => {
  const term = search?.trim() ?? '';
  if (term === '') return noTerms;
  const phone = normalisePhone(term, defaultPhoneCountry);
  const plusPrefix = /^\+\d+$/.test(term) ? term : null;
  const [first, ...rest] = term.split(/\s+/);
  const last = rest.join(' ');
  const upper = term.toUpperCase();
  return {
    prefix: `${escapeLike(term)}%`,
    poFrom: upper,
    poTo: rangeEnd(upper),
    phone: phone.ok ? phone.value : null,
    phoneFrom: plusPrefix,
    phoneTo: plusPrefix === null ? null : rangeEnd(plusPrefix),
    firstName: last === '' || first === undefined ? null : escapeLike(first),
    lastNamePrefix: last === '' ? null : `${escapeLike(last)}%`,
    nameContains: `%${escapeLike(term)}%`,
    batchId: upper,
  };
};

/**
 * The rowids of rows matching the terms: one indexed lookup per key that can match, united. A key
 * that cannot match is left out rather than bound to NULL: LIKE against NULL cannot use its index and
 * would scan every row. Bound by name from `SearchTerms`.
 */
export const matchingRowIdsSql = (terms: SearchTerms): string => {
  const branches = [
    terms.prefix === null
      ? []
      : [
          `email LIKE @prefix ESCAPE '\\'`,
          `first_name LIKE @prefix ESCAPE '\\'`,
          `last_name LIKE @prefix ESCAPE '\\'`,
          `reference LIKE @prefix ESCAPE '\\'`,
          `order_id LIKE @prefix ESCAPE '\\'`,
          'po_number >= @poFrom AND po_number < @poTo',
        ],
    terms.phone === null ? [] : ['sms = @phone'],
    terms.phoneFrom === null ? [] : ['sms >= @phoneFrom AND sms < @phoneTo'],
    terms.firstName === null
      ? []
      : [`first_name LIKE @firstName ESCAPE '\\' AND last_name LIKE @lastNamePrefix ESCAPE '\\'`],
  ].flat();
  return branches.length === 0
    ? 'SELECT NULL AS id WHERE 0'
    : branches.map((where) => `SELECT rowid AS id FROM batch_rows WHERE ${where}`).join(' UNION ');
};
