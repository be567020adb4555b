/** What the screens say for values the contract carries: amounts, ages, durations, delivery types, environments. */

const minute = 60_000;

/** "just now", "5 minutes ago", "3 hours ago", "2 days ago". */
export const describeAge = (isoTime: string, now: number): string => {
  const elapsed = Math.max(0, now - Date.parse(isoTime));
  if (elapsed < minute) return 'just now';
  const [amount, unit] =
    elapsed < 60 * minute
      ? [Math.floor(elapsed / minute), 'minute']
      : elapsed < 24 * 60 * minute
        ? [Math.floor(elapsed / (60 * minute)), 'hour']
        : [Math.floor(elapsed / (24 * 60 * minute)), 'day'];
  return `${String(amount)} ${unit}${amount === 1 ? '' : 's'} ago`;
};

export const describeDuration = (seconds: number): string =>
  seconds >= 3600 && seconds % 3600 === 0
    ? `${String(seconds / 3600)} hour${seconds === 3600 ? '' : 's'}`
    : seconds >= 60
      ? `${String(Math.round(seconds / 60))} minutes`
      : `${String(seconds)} seconds`;

export const deliveryTypeLabels = {
  DigitalDelivery: 'Email / SMS',
  Links: 'Claim links',
  PhysicalShipment: 'Physical card',
} as const;

export const environmentLabels = {
  sandbox: 'Sandbox',
  staging: 'Staging',
  production: 'Production',
} as const;

/**
 * One formatter for every count: Chromium's toLocaleString('en-US') costs some 40 times more a call,
 * and the compose screen counts on every edit and every import part.
 */
const counts = new Intl.NumberFormat('en-US');

/** "100,000": a count as the screens write it. */
export const formatCount = (count: number): string => counts.format(count);

/** "1 row", "200 rows": a count with its noun. */
export const countOf = (count: number, singular: string, plural = `${singular}s`): string =>
  `${formatCount(count)} ${count === 1 ? singular : plural}`;

const dateTimeFormat = new Intl.DateTimeFormat('en-US', {
  dateStyle: 'medium',
  timeStyle: 'short',
  hourCycle: 'h23',
});

/**
 * "Nov 26, 2026, 14:05": when a batch was created or a row changed, in the user's time zone, on the
 * 24-hour clock every other time in the app (start times, the CLI) is said on.
 */
export const formatDateTime = (isoTime: string): string => dateTimeFormat.format(new Date(isoTime));

/**
 * Where a draft row is, as Compose and Review both name it: an imported row by the row its file shows it
 * on (header counted, as the person's spreadsheet numbers it), so they can fix it there too; a row typed
 * or pasted by its 0-based place in the grid.
 */
export const rowLabel = (position: number, sourceRow: number | undefined): string =>
  sourceRow === undefined ? `Grid row ${String(position + 1)}` : `File row ${String(sourceRow)}`;
