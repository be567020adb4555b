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
