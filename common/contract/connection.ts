import { z } from 'zod';
import { apiFailureKindSchema } from '../errors.ts';
import { environmentSchema } from './app.ts';
import { defineCall, defineEvent } from './define.ts';

export const balanceSchema = z.object({
  availableCents: z.number().int(),
  pendingCents: z.number().int(),
  currencyCode: z.string(),
});
export type Balance = z.infer<typeof balanceSchema>;

/** Why the last check failed: its kind, a title where the kind alone says too little, and what to do. */
export const connectionFailureSchema = z.object({
  kind: apiFailureKindSchema,
  title: z.string().optional(),
  message: z.string(),
  advice: z.string(),
  /** The base URL that would work, when the check found one (the API one folder up, its http address). */
  suggestedBaseUrl: z.string().optional(),
});
export type ConnectionFailure = z.infer<typeof connectionFailureSchema>;

/** What Settings holds for one environment: the email of its saved credentials (never the token), its URL. */
export const savedEnvironmentSchema = z.object({
  email: z.string().nullable(),
  /** Null for the sandbox, whose address GiftBatch chooses, and where none is saved. */
  baseUrl: z.string().nullable(),
  balanceSupported: z.boolean(),
});
export type SavedEnvironment = z.infer<typeof savedEnvironmentSchema>;

export const connectionStatuses = ['not_configured', 'idle', 'checking', 'connected', 'failed'] as const;

export const connectionStateSchema = z.object({
  environment: environmentSchema,
  baseUrl: z.string().nullable(),
  hasCredentials: z.boolean(),
  /** Every environment's saved settings, so the form can show any of them before switching. */
  saved: z.object({
    sandbox: savedEnvironmentSchema,
    staging: savedEnvironmentSchema,
    production: savedEnvironmentSchema,
  }),
  balanceSupported: z.boolean(),
  status: z.enum(connectionStatuses),
  balance: balanceSchema.nullable(),
  tokenExpiresInSeconds: z.number().nullable(),
  failure: connectionFailureSchema.nullable(),
  checkedAt: z.string().nullable(),
});
export type ConnectionState = z.infer<typeof connectionStateSchema>;

const maxUrlLength = 2048;
const maxCredentialLength = 4096;

export const connectionGetState = defineCall({
  method: 'getConnectionState',
  input: z.undefined(),
  output: connectionStateSchema,
});

export const connectionTest = defineCall({
  method: 'testConnection',
  input: z.undefined(),
  output: connectionStateSchema,
});

export const connectionRefreshBalance = defineCall({
  method: 'refreshBalance',
  input: z.undefined(),
  output: connectionStateSchema,
});

export const connectionSelectEnvironment = defineCall({
  method: 'selectEnvironment',
  input: z.strictObject({
    environment: environmentSchema,
    /** Required for staging and production; https only, except on loopback. */
    baseUrl: z.string().trim().max(maxUrlLength).optional(),
    balanceSupported: z.boolean().optional(),
  }),
  output: connectionStateSchema,
});

export const credentialsSet = defineCall({
  method: 'setCredentials',
  input: z.strictObject({
    /** The environment they are for; the current one when left out. */
    environment: environmentSchema.optional(),
    email: z.string().trim().min(1).max(320),
    accessToken: z.string().trim().min(1).max(maxCredentialLength),
  }),
  output: connectionStateSchema,
});

export const credentialsClear = defineCall({
  method: 'clearCredentials',
  input: z.strictObject({ environment: environmentSchema.optional() }).optional(),
  output: connectionStateSchema,
});

/** The largest single top-up of test funds: enough for any batch, small enough to stay a test. */
export const maxTestFundsCents = 100_000_000;

/** Built-in sandbox only (main refuses it elsewhere): what the provider portal's funding would do. */
export const sandboxAddTestFunds = defineCall({
  method: 'addTestFunds',
  input: z.strictObject({ amountCents: z.number().int().positive().max(maxTestFundsCents) }),
  output: connectionStateSchema,
});

export const connectionChanged = defineEvent({
  method: 'onConnectionChanged',
  payload: connectionStateSchema,
});
