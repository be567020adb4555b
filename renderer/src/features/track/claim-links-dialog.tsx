import { useState } from 'react';
import { TextField } from '../../components/text-field.tsx';
import { useAuditActionsState } from '../../state/stores.tsx';
import { ModalDialog } from './modal-dialog.tsx';

/** "Export claim links…": a warning first, then a file readable by the user only, outside the data folder. */
export const ClaimLinksDialog = ({ batchId, onClose }: { batchId: string; onClose: () => void }) => {
  const suggested = useAuditActionsState((state) => state.suggested);
  const status = useAuditActionsState((state) => state.linksExport);
  const requested = useAuditActionsState((state) => state.linksExportRequested);
  const [csvPath, setCsvPath] = useState(suggested?.claimLinksCsvPath ?? '');
  const [isUnderstood, setUnderstood] = useState(false);
  return (
    <ModalDialog title="Export claim links" onClose={onClose}>
      <p className="callout callout--warning">
        This file is as good as cash: anyone who holds it can redeem every card in it. GiftBatch fetches the
        links from the provider now and keeps no copy; keep the file private and delete it once handed over.
      </p>
      <TextField label="CSV file" value={csvPath} onValueChange={setCsvPath} fieldClassName="field--wide" />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={isUnderstood}
          onChange={(event) => {
            setUnderstood(event.target.checked);
          }}
        />
        I understand the file is as good as cash
      </label>
      {status.step === 'failed' ? (
        <p className="callout callout--error" role="alert">
          {status.error}
        </p>
      ) : null}
      {status.step === 'done' ? (
        <p className="callout callout--success" role="status">
          Wrote {status.value.linkCount} claim links to <code>{status.value.csvPath}</code>
          {status.value.rowsWithoutLinks > 0
            ? ` (${String(status.value.rowsWithoutLinks)} rows have no fulfilled order yet).`
            : '.'}
        </p>
      ) : null}
      <div className="toolbar">
        <button
          type="button"
          className="button button--primary"
          disabled={!isUnderstood || status.step === 'working' || csvPath.trim() === ''}
          onClick={() => void requested(batchId, csvPath)}
        >
          {status.step === 'working' ? 'Fetching links…' : 'Write the links file'}
        </button>
        <button type="button" className="button button--quiet" onClick={onClose}>
          Close
        </button>
      </div>
    </ModalDialog>
  );
};
