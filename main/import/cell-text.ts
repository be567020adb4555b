/**
 * Numbers as a spreadsheet shows them in a General cell: at most 15 significant digits (so the binary
 * float 19.899999999999999 reads "19.9"), no grouping, never exponent notation.
 */
const numberFormat = new Intl.NumberFormat('en-US', {
  useGrouping: false,
  maximumSignificantDigits: 15,
});

const pad = (value: number): string => String(value).padStart(2, '0');

/** Dates as ISO yyyy-mm-dd, with the time only when there is one; the library gives them at UTC. */
const dateText = (date: Date): string => {
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const hasTime = date.getUTCHours() + date.getUTCMinutes() + date.getUTCSeconds() > 0;
  return hasTime
    ? `${day} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
    : day;
};

/**
 * One spreadsheet cell → the text a person sees in it. A ZIP or phone that was stored as a number in a
 * General cell has lost its leading zero or "+" inside the file (2134, 15551234567); that cannot be
 * recovered here, only by formatting the column as Text in the spreadsheet before typing.
 *
 * `zeroPadDigits` is set for a cell whose number format is all zeros ("00000", Excel's Zip Code, or
 * "0000000000" for IDs): the sheet shows 2134 as 02134, and that, not the bare number, is what the person
 * typed and checks. Only whole numbers are padded; other formats are left to General, since a ZIP or ID
 * is the one place where the format carries digits a recipient depends on.
 */
export const cellText = (value: unknown, zeroPadDigits?: number): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    const text = numberFormat.format(value);
    if (zeroPadDigits === undefined || !Number.isInteger(value)) return text;
    return value < 0 ? `-${text.slice(1).padStart(zeroPadDigits, '0')}` : text.padStart(zeroPadDigits, '0');
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : dateText(value);
  return '';
};

/**
 * An ISO date-time as a spreadsheet file stores it ("2026-12-25" or "2026-12-25T14:30:00.000") → as
 * cellText writes a date: the day, and the time to the second only when there is one.
 */
export const isoDateText = (value: string): string => {
  const [day = '', time = ''] = value.split('T');
  const clock = time.slice(0, 8);
  return clock === '' || clock === '00:00:00' ? day : `${day} ${clock}`;
};
