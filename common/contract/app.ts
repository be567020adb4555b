import { z } from 'zod';
import { defineCall, defineEvent } from './define.ts';

export const environments = ['sandbox', 'staging', 'production'] as const;
export const environmentSchema = z.enum(environments);
export type Environment = z.infer<typeof environmentSchema>;

export const appInfoSchema = z.object({
  productName: z.string(),
  version: z.string(),
  environment: environmentSchema,
  dataDir: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const appGetInfo = defineCall({
  method: 'getAppInfo',
  input: z.undefined(),
  output: appInfoSchema,
});

export const noticeLevels = ['info', 'success', 'warning', 'error'] as const;

export const appNoticeSchema = z.object({
  id: z.string(),
  level: z.enum(noticeLevels),
  message: z.string(),
});
export type AppNotice = z.infer<typeof appNoticeSchema>;

export const appNotice = defineEvent({ method: 'onAppNotice', payload: appNoticeSchema });
