import { ok } from '../../../common/result.ts';
import type { AuditActions } from '../../export/audit-actions.ts';
import type { CallHandlers } from '../call-handlers.ts';

type AuditChannels =
  'audit:export' | 'audit:suggest-paths' | 'reconcile:run' | 'links:reveal-row' | 'links:export';

export const createAuditHandlers = (actions: AuditActions): Pick<CallHandlers, AuditChannels> => ({
  'audit:export': (input) => actions.exportAudit(input.selection, input.csvPath),
  'audit:suggest-paths': (input) => Promise.resolve(ok(actions.suggestPaths(input.batchId))),
  'reconcile:run': (input) => actions.reconcile(input),
  'links:reveal-row': (input) => actions.revealClaims(input.batchId, input.rowNo),
  'links:export': (input) => actions.exportClaimLinks(input.batchId, input.csvPath),
});
