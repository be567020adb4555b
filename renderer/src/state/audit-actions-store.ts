import { createStore } from 'zustand/vanilla';
import type {
  AuditExportResult,
  ReconcileProgress,
  ReconcileReport,
} from '../../../common/contract/audit-actions.ts';
import type { GiftBatchApi } from '../../../common/contract/channels.ts';
import type { AuditSelection } from '../../../common/contract/audit-actions.ts';

/** Where one of the batch view's record actions stands. */
export type ActionStep<T> =
  | { readonly step: 'idle' }
  | { readonly step: 'working' }
  | { readonly step: 'done'; readonly value: T }
  | { readonly step: 'failed'; readonly error: string };

export interface RevealedClaims {
  readonly batchId: string;
  readonly rowNo: number;
  readonly claims: readonly { readonly claimLink: string; readonly challengeAnswer: string | null }[];
}

export interface AuditActionsState {
  readonly suggested: { readonly auditCsvPath: string; readonly claimLinksCsvPath: string } | null;
  readonly auditExport: ActionStep<AuditExportResult>;
  readonly reconcile: ActionStep<ReconcileReport>;
  readonly reconcileProgress: ReconcileProgress | null;
  readonly linksExport: ActionStep<{ csvPath: string; linkCount: number; rowsWithoutLinks: number }>;
  /** One row's claim links, shown after the person confirmed; dropped as soon as they hide it. */
  readonly revealed: ActionStep<RevealedClaims>;

  readonly pathsRequested: (batchId?: string) => Promise<void>;
  readonly auditExportRequested: (selection: AuditSelection, csvPath: string) => Promise<void>;
  readonly reconcileRequested: (batchId: string) => Promise<void>;
  readonly linksExportRequested: (batchId: string, csvPath: string) => Promise<void>;
  readonly revealRequested: (batchId: string, rowNo: number) => Promise<void>;
  readonly revealHidden: () => void;
  readonly dismissed: () => void;
}

/**
 * The batch view's record actions: the audit export, reconcile with the provider, and claim links
 * (fetched by main from the provider on demand; the renderer keeps one row's links only while shown).
 */
export const createAuditActionsStore = (api: GiftBatchApi) =>
  createStore<AuditActionsState>()((set) => ({
    suggested: null,
    auditExport: { step: 'idle' },
    reconcile: { step: 'idle' },
    reconcileProgress: null,
    linksExport: { step: 'idle' },
    revealed: { step: 'idle' },

    pathsRequested: async (batchId) => {
      const paths = await api.suggestExportPaths(batchId === undefined ? {} : { batchId });
      if (paths.ok) set({ suggested: paths.value });
    },

    auditExportRequested: async (selection, csvPath) => {
      set({ auditExport: { step: 'working' } });
      const result = await api.exportAuditReport({ selection, csvPath });
      set({
        auditExport: result.ok
          ? { step: 'done', value: result.value }
          : { step: 'failed', error: result.error.message },
      });
    },

    reconcileRequested: async (batchId) => {
      set({ reconcile: { step: 'working' }, reconcileProgress: null });
      const stop = api.onReconcileProgress((progress) => {
        set({ reconcileProgress: progress });
      });
      try {
        const result = await api.reconcileWithProvider({ batchId });
        set({
          reconcile: result.ok
            ? { step: 'done', value: result.value }
            : { step: 'failed', error: result.error.message },
        });
      } finally {
        stop();
      }
    },

    linksExportRequested: async (batchId, csvPath) => {
      set({ linksExport: { step: 'working' } });
      const result = await api.exportClaimLinks({ batchId, csvPath });
      set({
        linksExport: result.ok
          ? { step: 'done', value: result.value }
          : { step: 'failed', error: result.error.message },
      });
    },

    revealRequested: async (batchId, rowNo) => {
      set({ revealed: { step: 'working' } });
      const result = await api.revealClaimLinks({ batchId, rowNo });
      set({
        revealed: result.ok
          ? { step: 'done', value: { batchId, rowNo, claims: result.value } }
          : { step: 'failed', error: result.error.message },
      });
    },

    revealHidden: () => {
      set({ revealed: { step: 'idle' } });
    },

    dismissed: () => {
      set({ auditExport: { step: 'idle' }, linksExport: { step: 'idle' }, reconcile: { step: 'idle' } });
    },
  }));

export type AuditActionsStore = ReturnType<typeof createAuditActionsStore>;
