import { useState, type ReactNode } from 'react';
import type { AuditSelection } from '../../../../common/contract/audit-actions.ts';
import { TextField } from '../../components/text-field.tsx';
import { useAuditActionsState } from '../../state/stores.tsx';
import { ErrorCallout } from '../../components/error-callout.tsx';
import { DialogFooter, failureOf } from './dialog-footer.tsx';
import { ModalDialog } from './modal-dialog.tsx';

/**
 * "Export audit report…": the CSV, its summary and manifest, written where the person says, for one
 * batch (the batch view) or several (History: the batches listed, or a date range).
 */
export const AuditExportDialog = ({
  selection,
  description,
  onClose,
}: {
  selection: AuditSelection;
  /** What will be exported, in words. */
  description: ReactNode;
  onClose: () => void;
}) => {
  const suggested = useAuditActionsState((state) => state.suggested);
  const status = useAuditActionsState((state) => state.auditExport);
  const requested = useAuditActionsState((state) => state.auditExportRequested);
  const [csvPath, setCsvPath] = useState(suggested?.auditCsvPath ?? '');
  return (
    <ModalDialog title="Export audit report" onClose={onClose}>
      <p className="muted">
        Every row of {description} as the ledger holds it, with a summary and a manifest (SHA-256 and the
        ledger head) beside it. Keep a copy of the manifest outside the data folder: it is what later proves
        the ledger was not rewritten.
      </p>
      <TextField label="CSV file" value={csvPath} onValueChange={setCsvPath} fieldClassName="field--wide" />
      <ErrorCallout message={failureOf(status)} />
      {status.step === 'done' ? (
        <div className="callout callout--success" role="status">
          <p>Wrote {status.value.rowCount} rows:</p>
          <ul className="record-dialog__paths">
            <li>
              <code>{status.value.csvPath}</code>
            </li>
            <li>
              <code>{status.value.summaryPath}</code>
            </li>
            <li>
              <code>{status.value.manifestPath}</code>
            </li>
          </ul>
        </div>
      ) : null}
      <DialogFooter onClose={onClose}>
        <button
          type="button"
          className="button button--primary"
          disabled={status.step === 'working' || csvPath.trim() === ''}
          onClick={() => void requested(selection, csvPath)}
        >
          {status.step === 'working' ? 'Exporting…' : 'Export'}
        </button>
      </DialogFooter>
    </ModalDialog>
  );
};
