import { z } from 'zod';
import { defineCall } from './define.ts';

const centsSetting = z.number().int().min(0).max(100_000_000_00);

/**
 * How batches are sent and the program's policies: one definition for the settings file, the Settings
 * screen, the review and the CLI.
 */
export const sendingSettingsSchema = z.object({
  /** Orders in flight at once. */
  concurrency: z.number().int().min(1).max(16),
  /** Order requests started per second, at most: a courtesy to a provider whose limits are unpublished. */
  requestsPerSecond: z.number().int().min(1).max(500),
  /** A pending order becomes needs_review after this long. */
  pendingDeadlineMinutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60),
  /** "Already rewarded in the last N days" warnings look back this far. */
  duplicateLookbackDays: z.number().int().min(0).max(3660),
  /** Above this total the user types the amount to confirm. */
  confirmAboveCents: centsSetting,
  /** Policies; null means no limit. */
  maxRewardCents: centsSetting.nullable(),
  maxBatchTotalCents: centsSetting.nullable(),
  /** Product ids that may be sent; empty means every product in the catalog. */
  allowedProductIds: z.array(z.string().min(1).max(64)).max(1000),
  /** A common tax-reporting line: a warning when a recipient's face value this year would cross it. */
  yearlyThresholdCents: centsSetting.nullable(),
});
export type SendingSettings = z.infer<typeof sendingSettingsSchema>;
export const defaultSendingSettings: SendingSettings = {
  concurrency: 4,
  requestsPerSecond: 20,
  pendingDeadlineMinutes: 30,
  duplicateLookbackDays: 30,
  confirmAboveCents: 1_000_00,
  maxRewardCents: null,
  maxBatchTotalCents: null,
  allowedProductIds: [],
  yearlyThresholdCents: 600_00,
};

export const sendingSettingsGet = defineCall({
  method: 'getSendingSettings',
  input: z.undefined(),
  output: sendingSettingsSchema,
});

export const sendingSettingsUpdate = defineCall({
  method: 'updateSendingSettings',
  input: sendingSettingsSchema.partial().strict(),
  output: sendingSettingsSchema,
});
