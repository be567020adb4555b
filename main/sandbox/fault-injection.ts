import type { FaultPlan } from './fault-plan.ts';
import { message, type Reply } from './http-io.ts';

type Random = () => number;

/**
 * One probability draw. Certain and impossible events do not consume a random number, so a scripted
 * `random` in a test is spent only on the faults that are actually in play.
 */
export const happens = (probability: number, random: Random): boolean =>
  probability >= 1 || (probability > 0 && random() < probability);

const serverErrors = [
  { status: 500, text: 'Internal server error (simulated).' },
  { status: 502, text: 'Bad gateway (simulated).' },
  { status: 503, text: 'Service unavailable (simulated).' },
] as const;

/** A 503 or 504 carries Retry-After (retryAfterSeconds) as often as `retryAfter5xx` says. */
const retryAfterOn = (status: number, plan: FaultPlan, random: Random): Record<string, string> | undefined =>
  (status === 503 || status === 504) && happens(plan.retryAfter5xx, random)
    ? { 'retry-after': String(plan.retryAfterSeconds) }
    : undefined;

/** The faults that strike any /v1 call before it does anything. */
export const drawRequestFault = (plan: FaultPlan, random: Random): Reply | undefined => {
  if (happens(plan.error503, random)) {
    return message(503, 'Service unavailable (simulated).', retryAfterOn(503, plan, random));
  }
  if (happens(plan.error5xx, random)) {
    const pick = serverErrors[Math.min(serverErrors.length - 1, Math.floor(random() * serverErrors.length))];
    return pick === undefined
      ? undefined
      : message(pick.status, pick.text, retryAfterOn(pick.status, plan, random));
  }
  if (happens(plan.rate429, random)) {
    return message(429, 'Too many requests (simulated).', { 'retry-after': String(plan.retryAfterSeconds) });
  }
  return undefined;
};

export const gatewayTimeout = (plan: FaultPlan, random: Random): Reply =>
  message(504, 'Gateway timeout (simulated).', retryAfterOn(504, plan, random));

/** How long to hold a /v1 response: latency ± jitter, plus the fixed delay for client-timeout tests. */
export const responseDelayMs = (plan: FaultPlan, random: Random): number => {
  const jitter = plan.jitterMs > 0 ? (random() * 2 - 1) * plan.jitterMs : 0;
  return Math.max(0, plan.latencyMs + jitter) + plan.responseDelayMs;
};

/** Half a JSON document: what a client sees when a proxy cuts a response short. */
export const truncateJson = (body: string): string => body.slice(0, Math.max(1, Math.floor(body.length / 2)));
