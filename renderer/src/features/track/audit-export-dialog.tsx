import { useState } from 'react';
import { TextField } from '../../components/text-field.tsx';
import { useAuditActionsState } from '../../state/stores.tsx';
import { ModalDialog } from './modal-dialog.tsx';

/** "Export audit report…": the CSV, its summary and manifest, written where the person says. */
export const AuditExportDialog = ({ batchId, onClose }: { batchId: string; onClose: () => void }) => {
  const suggested = useAuditActionsState((state) => state.suggested);
  const status = useAuditActionsState((state) => state.auditExport);
  const requested = useAuditActionsState((state) => state.auditExportRequested);
  const [csvPath, setCsvPath] = useState(suggested?.auditCsvPath ?? '');
  return (
    <ModalDialog title="Export audit report" onClose={onClose}>
      <p className="muted">
        Every row of batch <code>{batchId}</code> as the ledger holds it, with a summary and a manifest
        (SHA-256 and the ledger head) beside it.
      </p>
      <TextField label="CSV file" value={csvPath} onValueChange={setCsvPath} fieldClassName="field--wide" />
      {status.step === 'failed' ? (
        <p className="callout callout--error" role="alert">
          {status.error}
        </p>
      ) : null}
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
      <div className="toolbar">
        <button
          type="button"
          className="button button--primary"
          disabled={status.step === 'working' || csvPath.trim() === ''}
          onClick={() => void requested(batchId, csvPath)}
        >
          {status.step === 'working' ? 'Exporting…' : 'Export'}
        </button>
        <button type="button" className="button button--quiet" onClick={onClose}>
          Close
        </button>
      </div>
    </ModalDialog>
  );
};
