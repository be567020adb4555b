import { z } from 'zod';
import { environmentSchema } from '../../common/contract/app.ts';
import {
  firstRunGuideSchema,
  preferencesSchema,
  type FirstRunGuide,
  type Preferences,
} from '../../common/contract/preferences.ts';
import { defaultSendingSettings, sendingSettingsSchema } from '../../common/contract/sending-settings.ts';
import { defaultPhoneCountry } from '../../common/recipients/countries.ts';

const remoteEnvironmentSchema = z.object({
  baseUrl: z.string().nullable(),
  balanceSupported: z.boolean(),
});

export const windowBoundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(1),
  height: z.number().int().min(1),
});
export type WindowBounds = z.infer<typeof windowBoundsSchema>;

/** Where the main window was when it last closed; null bounds until it has closed once. */
export const windowStateSchema = z.object({
  bounds: windowBoundsSchema.nullable(),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export const defaultPreferences: Preferences = {
  defaultCountry: defaultPhoneCountry,
  defaultSenderName: '',
  defaultMessage: '',
  theme: 'system',
};
export const defaultWindowState: WindowState = { bounds: null, maximized: false };
export const defaultFirstRunGuide: FirstRunGuide = { seen: false };

/** A group read with its defaults under it, so a key added to it in a later version needs no migration. */
const withDefaults = <T extends z.ZodObject>(schema: T, defaults: z.output<T>) =>
  z.preprocess(
    (value) => (typeof value === 'object' && value !== null ? { ...defaults, ...value } : value),
    schema,
  );

export const settingsSchema = z.object({
  environment: environmentSchema,
  staging: remoteEnvironmentSchema,
  production: remoteEnvironmentSchema,
  sending: withDefaults(sendingSettingsSchema, defaultSendingSettings),
  preferences: withDefaults(preferencesSchema, defaultPreferences),
  window: windowStateSchema,
  firstRunGuide: firstRunGuideSchema,
});
export type Settings = z.infer<typeof settingsSchema>;

/**
 * A new install talks to the built-in sandbox. GET /v1/Balance is a sandbox extension the provider has
 * not documented (docs/provider-api.md §13.13), so staging and production call it only once the user says it exists.
 */
export const defaultSettings: Settings = {
  environment: 'sandbox',
  staging: { baseUrl: null, balanceSupported: false },
  production: { baseUrl: null, balanceSupported: false },
  sending: defaultSendingSettings,
  preferences: defaultPreferences,
  window: defaultWindowState,
  firstRunGuide: defaultFirstRunGuide,
};
