import path from 'node:path';
import { z } from 'zod';
import { environmentSchema } from '../../common/contract/app.ts';
import { defaultSendingSettings, sendingSettingsSchema } from '../../common/contract/sending-settings.ts';
import type { Logger } from '../logging/logger.ts';
import { readJsonFile, writeJsonFile } from '../storage/json-file.ts';

const remoteEnvironmentSchema = z.object({
  baseUrl: z.string().nullable(),
  balanceSupported: z.boolean(),
});

const settingsSchema = z.object({
  environment: environmentSchema,
  staging: remoteEnvironmentSchema,
  production: remoteEnvironmentSchema,
  /** Added after the first release: a settings file without it reads as the defaults. */
  sending: sendingSettingsSchema.default(defaultSendingSettings),
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
};

/**
 * The user's settings as one JSON file in the data folder. Written by hand rather than with
 * electron-store, because the CLI and the tests read the same file where Electron cannot load.
 */
export const createSettingsStore = (dataDir: string, logger: Logger) => {
  const filePath = path.join(dataDir, 'settings.json');
  let settings = readJsonFile(filePath, settingsSchema, defaultSettings, logger);
  return {
    get: (): Settings => settings,
    update: (change: (current: Settings) => Settings): Settings => {
      settings = settingsSchema.parse(change(settings));
      writeJsonFile(filePath, settings);
      return settings;
    },
  };
};

export type SettingsStore = ReturnType<typeof createSettingsStore>;
