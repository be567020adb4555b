import { ok } from '../../../common/result.ts';
import type { ConnectionService } from '../../connection/connection-service.ts';
import type { CallHandlers } from '../call-handlers.ts';

type ConnectionChannels =
  | 'connection:get-state'
  | 'connection:test'
  | 'connection:refresh-balance'
  | 'connection:select-environment'
  | 'credentials:set'
  | 'credentials:clear';

export const createConnectionHandlers = (
  connection: ConnectionService,
): Pick<CallHandlers, ConnectionChannels> => ({
  'connection:get-state': () => Promise.resolve(ok(connection.state())),
  'connection:test': async () => ok(await connection.test()),
  'connection:refresh-balance': async () => ok(await connection.refreshBalance()),
  'connection:select-environment': (input) => Promise.resolve(connection.selectEnvironment(input)),
  'credentials:set': async (input) => ok(await connection.setCredentials(input)),
  'credentials:clear': () => Promise.resolve(ok(connection.clearCredentials())),
});
