import type { LedgerService } from '../../audit/ledger-service.ts';
import type { CallHandlers } from '../call-handlers.ts';

export const createLedgerHandlers = (
  ledger: LedgerService,
): Pick<CallHandlers, 'ledger:verify' | 'ledger:backup' | 'ledger:restore'> => ({
  'ledger:verify': (input) => ledger.verify(input.manifests),
  'ledger:backup': (input) => ledger.backup(input.path),
  'ledger:restore': (input) => ledger.restore(input.path),
});
