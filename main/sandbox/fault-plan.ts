import { z } from 'zod';
import { err, ok, type Result } from '../../common/result.ts';

/** What the sandbox does wrong on purpose, so clients can be tested against every failure they must survive. */
export interface FaultPlan {
  latencyMs: number;
  jitterMs: number;
  error5xx: number;
  /** A 503 on any /v1 call (error5xx picks among 500, 502 and 503). */
  error503: number;
  timeoutBeforeCreate: number;
  timeoutAfterCreate: number;
  dropConnection: number;
  rate429: number;
  retryAfterSeconds: number;
  /** How often a 503 or 504 carries Retry-After: retryAfterSeconds, as a 429 always does. */
  retryAfter5xx: number;
  malformedJson: number;
  responseDelayMs: number;
  tokenTtlSeconds: number;
}

export const defaultFaultPlan: FaultPlan = {
  latencyMs: 0,
  jitterMs: 0,
  error5xx: 0,
  error503: 0,
  timeoutBeforeCreate: 0,
  timeoutAfterCreate: 0,
  dropConnection: 0,
  rate429: 0,
  retryAfterSeconds: 1,
  retryAfter5xx: 0,
  malformedJson: 0,
  responseDelayMs: 0,
  tokenTtlSeconds: 3600,
};

const probability = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');
const milliseconds = z.number().min(0, 'must be 0 or more').max(600_000, 'must be at most 600000 ms');
// Retry-After and ExpiresIn are whole seconds on the wire.
const wholeSeconds = z.int('must be a whole number of seconds').min(0, 'must be 0 or more');

const faultPlanSchema = z.strictObject({
  latencyMs: milliseconds,
  jitterMs: milliseconds,
  error5xx: probability,
  error503: probability,
  timeoutBeforeCreate: probability,
  timeoutAfterCreate: probability,
  dropConnection: probability,
  rate429: probability,
  retryAfterSeconds: wholeSeconds,
  retryAfter5xx: probability,
  malformedJson: probability,
  responseDelayMs: milliseconds,
  tokenTtlSeconds: wholeSeconds,
}) satisfies z.ZodType<FaultPlan>;

const partialFaultPlanSchema = faultPlanSchema.partial();

/** Lower-cased key or alias → the plan's own key, so specs and JSON bodies may use any casing. */
const faultKeys = new Map<string, keyof FaultPlan>([
  ...Object.keys(defaultFaultPlan).map((key) => [key.toLowerCase(), key as keyof FaultPlan] as const),
  ['tokenttl', 'tokenTtlSeconds'],
  ['latency', 'latencyMs'],
]);

const validatePartial = (candidate: Record<string, unknown>): Result<Partial<FaultPlan>, string> => {
  const parsed = partialFaultPlanSchema.safeParse(candidate);
  if (parsed.success) return ok(parsed.data);
  return err(parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; '));
};

/** A JSON object of fault settings (POST /_sim/faults): keys in any casing, aliases allowed. */
export const parseFaultObject = (value: unknown): Result<Partial<FaultPlan>, string> => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return err('fault settings must be a JSON object');
  }
  const candidate: Record<string, unknown> = {};
  for (const [name, setting] of Object.entries(value)) {
    const key = faultKeys.get(name.toLowerCase());
    if (key === undefined) return err(`unknown fault "${name}"`);
    candidate[key] = setting;
  }
  return validatePartial(candidate);
};

/**
 * Parses "error5xx=0.1,timeoutAfterCreate=0.05,rate429=0.02,tokenTtl=30" (tokenTtl is an alias of
 * tokenTtlSeconds; latency of latencyMs). Returns an error message for unknown keys or bad numbers.
 */
export function parseFaultSpec(spec: string): Result<Partial<FaultPlan>, string> {
  const candidate: Record<string, unknown> = {};
  for (const entry of spec.split(',')) {
    if (entry.trim() === '') continue;
    const [name = '', text, ...rest] = entry.split('=').map((part) => part.trim());
    const key = faultKeys.get(name.toLowerCase());
    if (key === undefined) return err(`unknown fault "${name}"`);
    const value = text === undefined || text === '' || rest.length > 0 ? Number.NaN : Number(text);
    if (!Number.isFinite(value)) return err(`fault "${name}" needs a number, as in ${name}=0.1`);
    candidate[key] = value;
  }
  return validatePartial(candidate);
}

/** Applies settings given in code (options, setFaults); invalid ones there are a programming error. */
export const mergeFaults = (plan: FaultPlan, faults: Partial<FaultPlan>): FaultPlan => {
  const checked = validatePartial(faults);
  if (!checked.ok) throw new Error(`Invalid sandbox faults: ${checked.error}`);
  // Key by key, so a key present but undefined keeps the current setting.
  const merged = { ...plan };
  for (const key of Object.keys(plan) as (keyof FaultPlan)[]) merged[key] = checked.value[key] ?? plan[key];
  return merged;
};
