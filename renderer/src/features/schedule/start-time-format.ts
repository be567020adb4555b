import { checkStartTime } from '../../../../common/batches/schedule.ts';

const minute = 60_000;
const pad = (value: number): string => String(value).padStart(2, '0');

/** What a `datetime-local` input holds for this instant in the user's zone: "2026-12-24T09:00". */
export const toLocalInputValue = (ms: number): string => {
  const date = new Date(ms);
  return `${String(date.getFullYear())}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
};

/** The next whole hour at least 10 minutes away: what "Send at…" offers first. */
export const suggestedStartMs = (nowMs: number): number => {
  const date = new Date(nowMs + 10 * minute);
  date.setMinutes(60, 0, 0);
  return date.getTime();
};

/**
 * The local date and time typed in a `datetime-local` input, as the ledger stores it (UTC), checked by the
 * same rule main applies, or why it cannot be a start time.
 */
export const startTimeFromInput = (
  value: string,
  nowMs: number,
): { readonly ok: true; readonly value: string } | { readonly ok: false; readonly error: string } => {
  // A date-time string without an offset is read in the local zone (ECMA-262 Date.parse), which is the
  // zone the form names; anything else the input could hold is refused here rather than guessed at.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) {
    return { ok: false, error: 'Choose a date and a time.' };
  }
  const ms = new Date(value).getTime();
  if (Number.isNaN(ms)) return { ok: false, error: 'Choose a date and a time.' };
  return checkStartTime(new Date(ms).toISOString(), nowMs);
};

/** "UTC+01:00" at the given instant: the offset changes with summer time, so it is the chosen time's. */
const utcOffsetAt = (ms: number): string => {
  const offset = -new Date(ms).getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  return `UTC${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
};

/** "Europe/London, UTC+00:00": the zone a local time is read in. */
export const describeTimeZone = (ms: number): string =>
  `${Intl.DateTimeFormat().resolvedOptions().timeZone}, ${utcOffsetAt(ms)}`;

/** "in 3 hours", "in 12 minutes", "in under a minute", or "5 minutes ago" once it has passed. */
export const describeUntil = (iso: string, nowMs: number): string => {
  const delta = Date.parse(iso) - nowMs;
  const span = Math.abs(delta);
  if (span < minute) return delta >= 0 ? 'in under a minute' : 'just now';
  const [amount, unit] =
    span < 60 * minute
      ? [Math.floor(span / minute), 'minute']
      : span < 48 * 60 * minute
        ? [Math.floor(span / (60 * minute)), 'hour']
        : [Math.floor(span / (24 * 60 * minute)), 'day'];
  const counted = `${String(amount)} ${unit}${amount === 1 ? '' : 's'}`;
  return delta >= 0 ? `in ${counted}` : `${counted} ago`;
};
