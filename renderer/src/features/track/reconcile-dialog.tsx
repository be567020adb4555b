import type { ReconcileFinding } from '../../../../common/contract/audit-actions.ts';
import { useAuditActionsState } from '../../state/stores.tsx';
import { ErrorCallout } from '../../components/error-callout.tsx';
import { DialogFooter, failureOf } from './dialog-footer.tsx';
import { ModalDialog } from './modal-dialog.tsx';

const describe = (finding: ReconcileFinding): string => {
  switch (finding.kind) {
    case 'differs':
      return `${finding.poNumber}: ${finding.field} is "${finding.ledger}" in the ledger, "${finding.provider}" at the provider`;
    case 'missing_at_provider':
      return `${finding.poNumber}: order ${finding.orderId} is not at the provider`;
    case 'unknown_to_ledger':
      return `${finding.poNumber}: order ${finding.orderId} is at the provider but not in the ledger`;
    default: {
      const unexpected: never = finding;
      throw new Error(`Unknown finding ${JSON.stringify(unexpected)}`);
    }
  }
};

/** "Reconcile with provider": each order fetched and compared, with progress while it runs. */
export const ReconcileDialog = ({ onClose }: { onClose: () => void }) => {
  const status = useAuditActionsState((state) => state.reconcile);
  const progress = useAuditActionsState((state) => state.reconcileProgress);
  return (
    <ModalDialog title="Reconcile with provider" onClose={onClose}>
      {status.step === 'working' ? (
        <p role="status">
          {progress === null
            ? 'Reading the provider’s orders…'
            : `Checked ${String(progress.checked)} of ${String(progress.total)} rows…`}
        </p>
      ) : null}
      <ErrorCallout message={failureOf(status)} />
      {status.step === 'done' ? (
        <>
          <p
            role="status"
            className={`callout ${status.value.findings.length === 0 ? 'callout--success' : 'callout--warning'}`}
          >
            {status.value.matched} rows match · {status.value.differing} differ ·{' '}
            {status.value.missingAtProvider} missing at the provider · {status.value.unknownToLedger} provider
            orders unknown to the ledger
          </p>
          {status.value.findings.length === 0 ? null : (
            <ul className="record-dialog__findings" aria-label="Differences">
              {status.value.findings.map((finding, index) => (
                <li key={index}>{describe(finding)}</li>
              ))}
            </ul>
          )}
        </>
      ) : null}
      <DialogFooter onClose={onClose} />
    </ModalDialog>
  );
};
