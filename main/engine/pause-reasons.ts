/** The pause reasons the engine gives for an outage and for funds still short after a resume. */
import type { PauseReason } from '../../common/contract/batches.ts';
import { formatCents } from '../../common/money.ts';
import { adviceFor } from '../api/api-error.ts';

/** "14:05", in this machine's time zone: the person reading it is on this machine. */
export const clockTime = (ms: number): string =>
  new Date(ms).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false });

export const providerUnreachable = (sinceMs: number): PauseReason => ({
  kind: 'provider_unreachable',
  message: `Provider unreachable since ${clockTime(sinceMs)}; no row was failed for it.`,
  advice:
    'While it keeps this batch open, GiftBatch checks the provider now and then and carries on once it answers; Resume checks at once. Rows caught mid-request are sent again under the same PO number, which cannot create a second order.',
  shortfallCents: null,
});

/** A resume that found the Available balance still below what the remaining rows cost. */
export const stillShort = (
  atMs: number,
  shortfallCents: number,
  availableCents: number,
  currencyCode: string,
): PauseReason => ({
  kind: 'insufficient_funds',
  message: `Tried again at ${clockTime(atMs)} — still short by ${formatCents(shortfallCents, currencyCode)} (${formatCents(availableCents, currencyCode)} Available); no order was sent.`,
  advice: adviceFor('insufficient_funds'),
  shortfallCents,
});
