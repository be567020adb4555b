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

export const connectionStatuses = ['not_configured', 'idle', 'checking', 'connected', 'failed'] as const;

export const connectionStateSchema = z.object({
  environment: environmentSchema,
  baseUrl: z.string().nullable(),
  hasCredentials: z.boolean(),
  balanceSupported: z.boolean(),
  status: z.enum(connectionStatuses),
  balance: balanceSchema.nullable(),
  tokenExpiresInSeconds: z.number().nullable(),
  failure: z.object({ kind: apiFailureKindSchema, message: z.string(), advice: z.string() }).nullable(),
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
    email: z.string().trim().min(1).max(320),
    accessToken: z.string().trim().min(1).max(maxCredentialLength),
  }),
  output: connectionStateSchema,
});

export const credentialsClear = defineCall({
  method: 'clearCredentials',
  input: z.undefined(),
  output: connectionStateSchema,
});

export const connectionChanged = defineEvent({
  method: 'onConnectionChanged',
  payload: connectionStateSchema,
});
