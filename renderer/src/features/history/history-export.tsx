import { useState } from 'react';
import type { AuditSelection } from '../../../../common/contract/audit-actions.ts';
import { countOf } from '../../wording.ts';
import { useAuditActionsState, useHistoryState } from '../../state/stores.tsx';
import { AuditExportDialog } from '../track/audit-export-dialog.tsx';

/**
 * History's audit export: every batch created in the date range the filters name, else the batches
 * listed on this page. Several batches go into one CSV with one manifest.
 */
export const HistoryExport = () => {
  const inputs = useHistoryState((state) => state.inputs);
  const page = useHistoryState((state) => state.page);
  const pathsRequested = useAuditActionsState((state) => state.pathsRequested);
  const dismissed = useAuditActionsState((state) => state.dismissed);
  const [isOpen, setOpen] = useState(false);
  const listed = page?.batches.map((batch) => batch.summary.id) ?? [];
  const hasRange = inputs.fromDate !== '' && inputs.toDate !== '';
  const selection: AuditSelection | undefined = hasRange
    ? { from: inputs.fromDate, to: inputs.toDate }
    : listed.length === 0
      ? undefined
      : { batchIds: listed };
  const description = hasRange
    ? `every batch created from ${inputs.fromDate} to ${inputs.toDate}`
    : `the ${countOf(listed.length, 'batch', 'batches')} listed`;
  return (
    <>
      <button
        type="button"
        className="button"
        disabled={selection === undefined}
        title={hasRange ? undefined : 'Set a date range to export every batch in it, not only those listed'}
        onClick={() => {
          void pathsRequested().then(() => {
            setOpen(true);
          });
        }}
      >
        Export audit report…
      </button>
      {isOpen && selection !== undefined ? (
        <AuditExportDialog
          selection={selection}
          description={description}
          onClose={() => {
            dismissed();
            setOpen(false);
          }}
        />
      ) : null}
    </>
  );
};
