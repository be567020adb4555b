import { z } from 'zod';

/** Every way talking to the provider can fail, each with something different for the user to do. */
export const apiFailureKinds = [
  'insufficient_funds',
  'duplicate_po',
  'invalid_request',
  'unauthorized',
  'forbidden',
  'rate_limited',
  'timeout',
  'unavailable',
  'network',
  'not_found',
  'bad_response',
  'not_configured',
  /** The provider answered in a shape GiftBatch does not understand: not retried, nothing of it used. */
  'unsupported_response',
] as const;
export const apiFailureKindSchema = z.enum(apiFailureKinds);
export type ApiFailureKind = z.infer<typeof apiFailureKindSchema>;

/** Every error code a caller across a boundary may receive; a switch over it must be exhaustive. */
export const appErrorCodes = [
  'validation',
  'untrusted_sender',
  'unknown_channel',
  'internal',
  ...apiFailureKinds,
] as const;
export type AppErrorCode = (typeof appErrorCodes)[number];

export const appErrorSchema = z.object({
  code: z.enum(appErrorCodes),
  message: z.string(),
  details: z.unknown().optional(),
});

export type AppError = z.infer<typeof appErrorSchema>;

export const appError = (code: AppErrorCode, message: string, details?: unknown): AppError =>
  details === undefined ? { code, message } : { code, message, details };
