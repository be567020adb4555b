import type { Destination } from '../connection/destination.ts';
import { resumeFlagsOf } from './batch-options.ts';

/**
 * Why `resume` must not send a staging or production batch with this run's connection: the batch is
 * known by the base URL it was sent to, and this run has none (no --api-url, none in Settings) or
 * another. Said in command-line terms, with the flag that fixes it; undefined when they agree. The
 * sandbox is matched by its identity instead (connection/destination.ts).
 */
export const remoteDestinationProblem = (
  batchId: string,
  recorded: Destination,
  current: Destination,
): string | undefined => {
  if (recorded.environment === 'sandbox' || recorded.environment !== current.environment) return undefined;
  if (recorded.provider === current.provider) return undefined;
  const using =
    current.provider === ''
      ? `this run has no base URL for ${recorded.environment} (no --api-url, and none in Settings)`
      : `this run would send to ${current.provider}`;
  return `Batch ${batchId} was sent to ${recorded.environment} (${recorded.provider}), but ${using}. Its remaining orders must go where the others went: run giftbatch resume ${batchId}${resumeFlagsOf({ 'api-url': recorded.provider })}`;
};
