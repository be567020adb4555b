import type { SendingSettings } from '../../../../common/contract/sending-settings.ts';
import { centsToDecimalString, type Cents } from '../../../../common/money.ts';
import { parseAmount } from '../../../../common/recipients/parse-amount.ts';

/** What the form holds: text as typed, amounts in dollars. */
export type SendingSettingsText = Record<keyof SendingSettings, string>;
export type SendingSettingsErrors = Partial<Record<keyof SendingSettings, string>>;

const maxCents = 100_000_000_00;
const wholeNumber = /^\d+$/;
const zeroAmount = /^\$?\s*(?:0+(?:\.0*)?|\.0+)$/;

export const toForm = (settings: SendingSettings): SendingSettingsText => {
  const dollars = (cents: Cents | null) => (cents === null ? '' : centsToDecimalString(cents));
  return {
    concurrency: String(settings.concurrency),
    requestsPerSecond: String(settings.requestsPerSecond),
    pendingDeadlineMinutes: String(settings.pendingDeadlineMinutes),
    duplicateLookbackDays: String(settings.duplicateLookbackDays),
    confirmAboveCents: dollars(settings.confirmAboveCents),
    maxRewardCents: dollars(settings.maxRewardCents),
    maxBatchTotalCents: dollars(settings.maxBatchTotalCents),
    allowedProductIds: settings.allowedProductIds.join(', '),
    yearlyThresholdCents: dollars(settings.yearlyThresholdCents),
  };
};

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const integerIn = (text: string, min: number, max: number): Parsed<number> => {
  const trimmed = text.trim();
  const value = Number(trimmed);
  return wholeNumber.test(trimmed) && value >= min && value <= max
    ? { ok: true, value }
    : { ok: false, message: `Enter a whole number from ${String(min)} to ${max.toLocaleString('en-US')}.` };
};

/** Dollars to cents through the same parser as the grid's amounts: never through a float. */
const amount = (text: string, { isOptional }: { isOptional: boolean }): Parsed<Cents | null> => {
  const trimmed = text.trim();
  if (trimmed === '' && isOptional) return { ok: true, value: null };
  if (trimmed !== '' && zeroAmount.test(trimmed)) return { ok: true, value: 0 };
  const parsed = parseAmount(trimmed);
  if (!parsed.ok) return { ok: false, message: parsed.error };
  return parsed.value > maxCents
    ? { ok: false, message: 'Enter at most 100,000,000.00.' }
    : { ok: true, value: parsed.value };
};

const productIds = (text: string): Parsed<string[]> => {
  const ids = [
    ...new Set(
      text
        .split(',')
        .map((id) => id.trim())
        .filter((id) => id !== ''),
    ),
  ];
  const tooLong = ids.find((id) => id.length > 64);
  if (tooLong !== undefined) return { ok: false, message: `"${tooLong.slice(0, 20)}…" is not a product id.` };
  return ids.length > 1000
    ? { ok: false, message: 'List at most 1,000 products.' }
    : { ok: true, value: ids };
};

/** The settings the form describes, or a message per field that needs fixing. */
export const fromForm = (
  form: SendingSettingsText,
): { ok: true; settings: SendingSettings } | { ok: false; errors: SendingSettingsErrors } => {
  const fields = {
    concurrency: integerIn(form.concurrency, 1, 16),
    requestsPerSecond: integerIn(form.requestsPerSecond, 1, 500),
    pendingDeadlineMinutes: integerIn(form.pendingDeadlineMinutes, 1, 7 * 24 * 60),
    duplicateLookbackDays: integerIn(form.duplicateLookbackDays, 0, 3660),
    confirmAboveCents: amount(form.confirmAboveCents, { isOptional: false }),
    maxRewardCents: amount(form.maxRewardCents, { isOptional: true }),
    maxBatchTotalCents: amount(form.maxBatchTotalCents, { isOptional: true }),
    allowedProductIds: productIds(form.allowedProductIds),
    yearlyThresholdCents: amount(form.yearlyThresholdCents, { isOptional: true }),
  };
  const errors: SendingSettingsErrors = {};
  for (const [key, parsed] of Object.entries(fields)) {
    // Object.entries widens the keys of `fields`, which are exactly the settings' keys.
    if (!parsed.ok) errors[key as keyof SendingSettings] = parsed.message;
  }
  const {
    concurrency,
    requestsPerSecond,
    pendingDeadlineMinutes,
    duplicateLookbackDays,
    confirmAboveCents,
    maxRewardCents,
    maxBatchTotalCents,
    allowedProductIds,
    yearlyThresholdCents,
  } = fields;
  if (
    !concurrency.ok ||
    !requestsPerSecond.ok ||
    !pendingDeadlineMinutes.ok ||
    !duplicateLookbackDays.ok ||
    !confirmAboveCents.ok ||
    confirmAboveCents.value === null ||
    !maxRewardCents.ok ||
    !maxBatchTotalCents.ok ||
    !allowedProductIds.ok ||
    !yearlyThresholdCents.ok
  ) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    settings: {
      concurrency: concurrency.value,
      requestsPerSecond: requestsPerSecond.value,
      pendingDeadlineMinutes: pendingDeadlineMinutes.value,
      duplicateLookbackDays: duplicateLookbackDays.value,
      confirmAboveCents: confirmAboveCents.value,
      maxRewardCents: maxRewardCents.value,
      maxBatchTotalCents: maxBatchTotalCents.value,
      allowedProductIds: allowedProductIds.value,
      yearlyThresholdCents: yearlyThresholdCents.value,
    },
  };
};
