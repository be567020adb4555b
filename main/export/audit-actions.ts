import type Database from 'better-sqlite3';
import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import type {
  AuditExportResult,
  AuditSelection,
  ReconcileProgress,
  ReconcileReport,
  ReconcileScope,
} from '../../common/contract/audit-actions.ts';
import { appError, type AppError } from '../../common/errors.ts';
import { err, type Result } from '../../common/result.ts';
import type { ApiError } from '../api/api-error.ts';
import type { GcpClient } from '../api/gcp-client.ts';
import type { OrderClaim } from '../api/order-types.ts';
import { currentOperator } from '../batches/current-operator.ts';
import type { Destination } from '../connection/destination.ts';
import { exportClaimLinks, revealRowClaims } from '../links/claim-links.ts';
import { reconcileWithProvider } from '../reconcile/reconcile-with-provider.ts';
import { exportAuditReport } from './export-audit-report.ts';

export interface AuditActionsDeps {
  readonly dataDir: string;
  readonly ledger: Database.Database;
  readonly client: () => Promise<Result<Pick<GcpClient, 'getOrder' | 'listOrders'>, ApiError>>;
  readonly destination: () => Destination;
  readonly requestsPerSecond: () => number;
  readonly appVersion: string;
  readonly onReconcileProgress: (progress: ReconcileProgress) => void;
  readonly now?: () => Date;
}

/** At most this many progress events a second while a reconcile runs. */
const progressIntervalMs = 250;

const localDate = (date: Date): string =>
  [date.getFullYear(), date.getMonth() + 1, date.getDate()]
    .map((part) => String(part).padStart(2, '0'))
    .join('-');

/** The audit export, reconcile and claim links for the app, wired once (main/services.ts). */
export const createAuditActions = (deps: AuditActionsDeps) => {
  const now = deps.now ?? (() => new Date());
  const exportsDir = path.join(deps.dataDir, 'exports');
  const links = { ...deps };

  return {
    exportAudit: async (
      selection: AuditSelection,
      csvPath: string,
    ): Promise<Result<AuditExportResult, AppError>> => {
      // The suggested folder is created on first use; any other folder must already exist.
      if (path.dirname(path.resolve(csvPath)) === exportsDir)
        await mkdir(exportsDir, { recursive: true, mode: 0o700 });
      const written = await exportAuditReport(
        { dataDir: deps.dataDir, exportedBy: currentOperator, appVersion: deps.appVersion, now },
        selection,
        csvPath,
      );
      if (written.ok) return written;
      const code = written.error.code === 'nothing_matched' ? 'not_found' : 'validation';
      return err(appError(code, written.error.message));
    },

    suggestPaths: (batchId: string | undefined) => {
      const day = localDate(now());
      return {
        auditCsvPath: path.join(exportsDir, `audit-${batchId ?? 'batches'}-${day}.csv`),
        claimLinksCsvPath: path.join(homedir(), `claim-links-${batchId ?? 'batch'}-${day}.csv`),
      };
    },

    reconcile: (scope: ReconcileScope): Promise<Result<ReconcileReport, AppError>> => {
      let lastSent = 0;
      return reconcileWithProvider({ ...deps, now: () => now().getTime() }, scope, (progress) => {
        const at = Date.now();
        if (progress.checked < progress.total && at - lastSent < progressIntervalMs) return;
        lastSent = at;
        deps.onReconcileProgress(progress);
      });
    },

    revealClaims: (batchId: string, rowNo: number): Promise<Result<OrderClaim[], AppError>> =>
      revealRowClaims(links, batchId, rowNo),

    exportClaimLinks: (batchId: string, csvPath: string) => exportClaimLinks(links, batchId, csvPath),
  };
};

export type AuditActions = ReturnType<typeof createAuditActions>;
