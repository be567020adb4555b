import { useState } from 'react';
import type { BatchRowView } from '../../../../common/contract/batches.ts';
import { useAuditActionsState } from '../../state/stores.tsx';
import { ErrorCallout } from '../../components/error-callout.tsx';
import { DialogFooter, failureOf } from './dialog-footer.tsx';
import { ModalDialog } from './modal-dialog.tsx';

/** Reveal or copy one row's claim links, after a confirmation; hiding them forgets them. */
export const RevealClaimDialog = ({
  batchId,
  row,
  onClose,
}: {
  batchId: string;
  row: BatchRowView;
  onClose: () => void;
}) => {
  const revealed = useAuditActionsState((state) => state.revealed);
  const revealRequested = useAuditActionsState((state) => state.revealRequested);
  const revealHidden = useAuditActionsState((state) => state.revealHidden);
  const [copied, setCopied] = useState<string | null>(null);
  const close = () => {
    revealHidden();
    onClose();
  };
  return (
    <ModalDialog title={`Claim links of row ${String(row.rowNo)}`} onClose={close}>
      <p className="muted">
        {row.recipient} · <code>{row.poNumber}</code>
      </p>
      {revealed.step === 'idle' || revealed.step === 'working' ? (
        <p className="callout callout--warning">
          A claim link is as good as cash: anyone who sees it can redeem the card. Reveal it only to hand it
          to its recipient.
        </p>
      ) : null}
      <ErrorCallout message={failureOf(revealed)} />
      {revealed.step === 'done' ? (
        <ul className="record-dialog__links" aria-label="Claim links">
          {revealed.value.claims.map((claim) => (
            <li key={claim.claimLink}>
              <span>
                <code className="record-dialog__link">{claim.claimLink}</code>
                {claim.challengeAnswer === null ? null : (
                  <>
                    {' '}
                    <span className="record-dialog__answer">
                      · challenge answer <code>{claim.challengeAnswer}</code>
                    </span>
                  </>
                )}
              </span>
              <button
                type="button"
                className="button button--small"
                onClick={() => {
                  void navigator.clipboard.writeText(claim.claimLink).then(() => {
                    setCopied(claim.claimLink);
                  });
                }}
              >
                {copied === claim.claimLink ? 'Copied' : 'Copy'}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <DialogFooter onClose={close} closeLabel={revealed.step === 'done' ? 'Hide and close' : 'Cancel'}>
        {revealed.step === 'done' ? null : (
          <button
            type="button"
            className="button button--primary"
            disabled={revealed.step === 'working'}
            onClick={() => void revealRequested(batchId, row.rowNo)}
          >
            {revealed.step === 'working' ? 'Fetching…' : 'Yes, reveal the links'}
          </button>
        )}
      </DialogFooter>
    </ModalDialog>
  );
};
