import { z } from 'zod';
import { isOfferedPhoneCountry } from '../recipients/phone-countries.ts';
import { maxFromNameLength, maxMessageLength } from '../recipients/check-message.ts';
import { parseTemplate } from '../recipients/placeholders.ts';
import { defineCall } from './define.ts';

export const themes = ['system', 'light', 'dark'] as const;
export type Theme = (typeof themes)[number];

/**
 * What a new draft starts with and how the window looks: one definition for the settings file, the
 * Settings screen and the Compose screen. The sender name and message obey the row rules' lengths, so a
 * default can never make every row of a draft invalid.
 */
export const preferencesSchema = z.object({
  /** ISO 3166 alpha-2: where a phone number typed without +country is read, in a new draft. */
  defaultCountry: z.string().refine(isOfferedPhoneCountry, 'Choose a country from the list.'),
  defaultSenderName: z.string().max(maxFromNameLength),
  defaultMessage: z.string().max(maxMessageLength),
  theme: z.enum(themes),
});
export type Preferences = z.infer<typeof preferencesSchema>;

export const preferencesGet = defineCall({
  method: 'getPreferences',
  input: z.undefined(),
  output: preferencesSchema,
});

/**
 * A default message is saved only when Compose would accept it: one with an unknown placeholder or a
 * stray brace would be flagged on every row of every new draft. A file written before this check is
 * still read as it is; Compose flags its rows, as it would any message.
 */
const defaultMessageToSave = preferencesSchema.shape.defaultMessage.superRefine((text, context) => {
  const parsed = parseTemplate(text);
  if (!parsed.ok) context.addIssue({ code: 'custom', message: `Default message: ${parsed.error}` });
});

export const preferencesUpdate = defineCall({
  method: 'updatePreferences',
  input: preferencesSchema.extend({ defaultMessage: defaultMessageToSave }).partial().strict(),
  output: preferencesSchema,
});

/**
 * Whether this user has seen the first-run guide (skipped or finished it): kept in the settings file
 * with the preferences, but apart from them, so saving the preferences form never rewrites it.
 */
export const firstRunGuideSchema = z.strictObject({ seen: z.boolean() });
export type FirstRunGuide = z.infer<typeof firstRunGuideSchema>;

export const firstRunGuideGet = defineCall({
  method: 'getFirstRunGuide',
  input: z.undefined(),
  output: firstRunGuideSchema,
});

export const firstRunGuideUpdate = defineCall({
  method: 'updateFirstRunGuide',
  input: firstRunGuideSchema,
  output: firstRunGuideSchema,
});
