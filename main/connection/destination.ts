import type { ConnectionService } from './connection-service.ts';

export interface Destination {
  readonly environment: string;
  readonly provider: string;
}

/**
 * Where orders go now, as recorded with each batch. The built-in sandbox's port changes with every
 * start, so it is known by name; other providers by their base URL.
 */
export const destinationOf = (connection: Pick<ConnectionService, 'state'>): Destination => {
  const state = connection.state();
  return {
    environment: state.environment,
    provider: state.environment === 'sandbox' ? 'sandbox' : (state.baseUrl ?? ''),
  };
};

/**
 * Why a batch committed for `recorded` may not send from `current`: its remaining orders must go where
 * the others went, never to another environment or provider. Undefined when they are the same.
 */
export const destinationMismatch = (
  batchId: string,
  recorded: Destination,
  current: Destination,
): string | undefined =>
  recorded.environment === current.environment && recorded.provider === current.provider
    ? undefined
    : `Batch ${batchId} was sent to ${recorded.environment} (${recorded.provider}), but GiftBatch is now connected to ${current.environment} (${current.provider}). Switch back to ${recorded.environment} in Settings to carry on: its remaining orders must go where the others went.`;
