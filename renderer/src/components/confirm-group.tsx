import type { ReactNode } from 'react';

/**
 * A destructive action asked twice: the question, a danger button that does it and a quiet one that
 * keeps things as they are. Shown in place of the button that asked.
 */
export const ConfirmGroup = ({
  label,
  question,
  confirmLabel,
  keepLabel,
  isBusy = false,
  className = 'confirm',
  onConfirm,
  onKeep,
}: {
  /** The group's accessible name, e.g. "Confirm cancelling the batch". */
  label: string;
  question: ReactNode;
  confirmLabel: string;
  keepLabel: string;
  isBusy?: boolean;
  className?: string;
  onConfirm: () => void;
  onKeep: () => void;
}) => (
  <span className={className} role="group" aria-label={label}>
    <span className="confirm__text">{question}</span>
    <button type="button" className="button button--danger" disabled={isBusy} onClick={onConfirm}>
      {confirmLabel}
    </button>
    <button type="button" className="button button--quiet" onClick={onKeep}>
      {keepLabel}
    </button>
  </span>
);
