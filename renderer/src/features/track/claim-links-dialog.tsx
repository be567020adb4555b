import { useState } from 'react';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useAuditActionsState } from '../../state/stores.tsx';
import { ErrorCallout } from '../../components/error-callout.tsx';
import { DialogFooter, failureOf } from './dialog-footer.tsx';
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
      <CheckboxField checked={isUnderstood} onCheckedChange={setUnderstood}>
        I understand the file is as good as cash
      </CheckboxField>
      <ErrorCallout message={failureOf(status)} />
      {status.step === 'done' ? (
        <p className="callout callout--success" role="status">
          Wrote {status.value.linkCount} claim links to <code>{status.value.csvPath}</code>
          {status.value.rowsWithoutLinks > 0
            ? ` (${String(status.value.rowsWithoutLinks)} rows have no fulfilled order yet).`
            : '.'}
        </p>
      ) : null}
      <DialogFooter onClose={onClose}>
        <button
          type="button"
          className="button button--primary"
          disabled={!isUnderstood || status.step === 'working' || csvPath.trim() === ''}
          onClick={() => void requested(batchId, csvPath)}
        >
          {status.step === 'working' ? 'Fetching links…' : 'Write the links file'}
        </button>
      </DialogFooter>
    </ModalDialog>
  );
};
