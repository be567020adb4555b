import { z } from 'zod';

/** Every error code a caller across a boundary may receive; a switch over it must be exhaustive. */
export const appErrorCodes = ['validation', 'untrusted_sender', 'unknown_channel', 'internal'] as const;
export type AppErrorCode = (typeof appErrorCodes)[number];

export const appErrorSchema = z.object({
  code: z.enum(appErrorCodes),
  message: z.string(),
  details: z.unknown().optional(),
});

export type AppError = z.infer<typeof appErrorSchema>;

export const appError = (code: AppErrorCode, message: string, details?: unknown): AppError =>
  details === undefined ? { code, message } : { code, message, details };
