import { ok } from '../../../common/result.ts';
import type { ConnectionService } from '../../connection/connection-service.ts';
import type { CallHandlers } from '../call-handlers.ts';

type ConnectionChannels =
  | 'connection:get-state'
  | 'connection:test'
  | 'connection:refresh-balance'
  | 'connection:select-environment'
  | 'credentials:set'
  | 'credentials:clear'
  | 'sandbox:add-test-funds';

export const createConnectionHandlers = (
  connection: ConnectionService,
): Pick<CallHandlers, ConnectionChannels> => ({
  'connection:get-state': () => Promise.resolve(ok(connection.state())),
  'connection:test': async () => ok(await connection.test()),
  'connection:refresh-balance': async () => ok(await connection.refreshBalance()),
  'connection:select-environment': (input) => Promise.resolve(connection.selectEnvironment(input)),
  'credentials:set': async ({ environment, ...credentials }) =>
    ok(await connection.setCredentials(credentials, environment)),
  'credentials:clear': (input) => Promise.resolve(ok(connection.clearCredentials(input?.environment))),
  'sandbox:add-test-funds': ({ amountCents }) => connection.addTestFunds(amountCents),
});
