import type { AuditInstant } from '../../common/contract/audit.ts';

/**
 * Every moment in an export is written in UTC with an explicit numeric offset,
 * `2026-12-02T03:26:16.000+00:00`: a reader sees it carries an offset without knowing that `Z` means one,
 * and sorting the text sorts the moments. Epoch numbers are milliseconds, as the ledger keeps them.
 */
export const formatInstant = (instant: AuditInstant): string => {
  const date = new Date(instant);
  const time = date.getTime();
  // The ledger only holds valid moments; an invalid one is a bug in the caller, not a user's mistake.
  if (Number.isNaN(time)) throw new Error(`Not a moment: ${String(instant)}`);
  return `${date.toISOString().slice(0, -1)}+00:00`;
};

export const formatOptionalInstant = (instant: AuditInstant | null): string =>
  instant === null ? '' : formatInstant(instant);
