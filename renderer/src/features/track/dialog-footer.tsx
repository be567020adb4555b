import type { ReactNode } from 'react';
import type { ActionStep } from '../../state/audit-actions-store.ts';

/** The message of a record action that failed, for ErrorCallout; null otherwise. */
export const failureOf = (status: ActionStep<unknown>): string | null =>
  status.step === 'failed' ? status.error : null;

/** A record dialog's buttons: its own action (if any), then the one that closes it. */
export const DialogFooter = ({
  onClose,
  closeLabel = 'Close',
  children,
}: {
  onClose: () => void;
  closeLabel?: string;
  children?: ReactNode;
}) => (
  <div className="toolbar">
    {children}
    <button type="button" className="button button--quiet" onClick={onClose}>
      {closeLabel}
    </button>
  </div>
);
