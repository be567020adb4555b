import { useState } from 'react';
import type { BatchSummary } from '../../../../common/contract/batches.ts';
import { useAuditActionsState } from '../../state/stores.tsx';
import { AuditExportDialog } from './audit-export-dialog.tsx';
import { ClaimLinksDialog } from './claim-links-dialog.tsx';
import { ReconcileDialog } from './reconcile-dialog.tsx';

type OpenDialog = 'audit' | 'reconcile' | 'links' | null;

/** The batch's record: export the audit report, reconcile with the provider, export claim links (Links). */
export const RecordActions = ({ summary }: { summary: BatchSummary }) => {
  const pathsRequested = useAuditActionsState((state) => state.pathsRequested);
  const reconcileRequested = useAuditActionsState((state) => state.reconcileRequested);
  const dismissed = useAuditActionsState((state) => state.dismissed);
  const [open, setOpen] = useState<OpenDialog>(null);
  const openWithPaths = async (dialog: 'audit' | 'links') => {
    await pathsRequested(summary.id);
    setOpen(dialog);
  };
  const close = () => {
    dismissed();
    setOpen(null);
  };
  return (
    <div className="toolbar record-actions" role="toolbar" aria-label="Record actions">
      <button type="button" className="button" onClick={() => void openWithPaths('audit')}>
        Export audit report…
      </button>
      <button
        type="button"
        className="button"
        onClick={() => {
          setOpen('reconcile');
          void reconcileRequested(summary.id);
        }}
      >
        Reconcile with provider
      </button>
      {summary.deliveryType === 'Links' ? (
        <button type="button" className="button" onClick={() => void openWithPaths('links')}>
          Export claim links…
        </button>
      ) : null}
      {open === 'audit' ? (
        <AuditExportDialog
          selection={{ batchIds: [summary.id] }}
          description={
            <>
              batch <code>{summary.id}</code>
            </>
          }
          onClose={close}
        />
      ) : null}
      {open === 'reconcile' ? <ReconcileDialog onClose={close} /> : null}
      {open === 'links' ? <ClaimLinksDialog batchId={summary.id} onClose={close} /> : null}
    </div>
  );
};
