import { useState, type ReactNode } from 'react';
import { TextField } from '../../components/text-field.tsx';
import { useLedgerState } from '../../state/stores.tsx';

/** One of the ledger's actions: its path field (and any warning), then the button that runs it. */
const LedgerAction = ({
  onSubmit,
  submitLabel,
  isPrimary = false,
  isBusy,
  children,
}: {
  onSubmit: () => void;
  submitLabel: string;
  isPrimary?: boolean;
  isBusy: boolean;
  children: ReactNode;
}) => (
  <form
    className="ledger__action"
    onSubmit={(event) => {
      event.preventDefault();
      onSubmit();
    }}
  >
    {children}
    <button type="submit" className={isPrimary ? 'button button--primary' : 'button'} disabled={isBusy}>
      {submitLabel}
    </button>
  </form>
);

/**
 * Settings → Ledger: verify the ledger (and audit exports against it), back it up to a file, restore
 * a backup (docs/architecture.md §5.12). Paths are typed: the browser build has no native file dialog.
 */
export const LedgerCard = () => {
  const running = useLedgerState((state) => state.running);
  const notice = useLedgerState((state) => state.notice);
  const verification = useLedgerState((state) => state.verification);
  const verifyRequested = useLedgerState((state) => state.verifyRequested);
  const backupRequested = useLedgerState((state) => state.backupRequested);
  const restoreRequested = useLedgerState((state) => state.restoreRequested);
  const [manifest, setManifest] = useState('');
  const [backupPath, setBackupPath] = useState('');
  const [restorePath, setRestorePath] = useState('');
  const [confirmingRestore, setConfirmingRestore] = useState(false);
  const busy = running !== null;
  const problems = verification?.intact === false ? verification.problems : [];

  return (
    <section className="panel settings__wide ledger" aria-labelledby="ledger-title">
      <h2 className="panel__title" id="ledger-title">
        Ledger
      </h2>
      <p className="muted">
        Every reward is recorded in a hash-chained ledger. Verify checks the chain, every batch and row
        against it, and its guards; an audit export&apos;s manifest, kept outside the ledger, also proves
        nothing before the export was rewritten.
      </p>
      {notice === null ? null : (
        <div
          className={`callout callout--${notice.tone}`}
          role={notice.tone === 'error' ? 'alert' : 'status'}
          data-testid="ledger-notice"
        >
          {notice.text}
          {problems.length > 1 ? (
            <ul className="ledger__problems">
              {problems.slice(1).map((problem) => (
                <li key={problem.message}>{problem.message}</li>
              ))}
            </ul>
          ) : null}
        </div>
      )}
      <div className="ledger__actions">
        <LedgerAction
          onSubmit={() => void verifyRequested(manifest.trim() === '' ? [] : [manifest.trim()])}
          isBusy={busy}
          isPrimary
          submitLabel={running === 'verify' ? 'Verifying…' : 'Verify ledger'}
        >
          <TextField
            label="Audit export manifest (optional)"
            placeholder="/path/to/audit.manifest.json"
            value={manifest}
            onValueChange={setManifest}
          />
        </LedgerAction>
        <LedgerAction
          onSubmit={() => void backupRequested(backupPath)}
          isBusy={busy}
          submitLabel={running === 'backup' ? 'Backing up…' : 'Back up ledger…'}
        >
          <TextField
            label="Back up to (a new file)"
            data-menu-target="back-up-ledger"
            placeholder="/path/to/giftbatch-backup.sqlite"
            required
            value={backupPath}
            onValueChange={setBackupPath}
          />
        </LedgerAction>
        <LedgerAction
          onSubmit={() => {
            if (!confirmingRestore) {
              setConfirmingRestore(true);
              return;
            }
            setConfirmingRestore(false);
            void restoreRequested(restorePath);
          }}
          isBusy={busy}
          submitLabel={
            running === 'restore'
              ? 'Restoring…'
              : confirmingRestore
                ? 'Replace the ledger with this backup'
                : 'Restore…'
          }
        >
          <TextField
            label="Restore from (a backup file)"
            placeholder="/path/to/giftbatch-backup.sqlite"
            required
            value={restorePath}
            onValueChange={(value) => {
              setRestorePath(value);
              setConfirmingRestore(false);
            }}
          />
          {confirmingRestore ? (
            <p className="callout callout--warning" role="alert">
              This replaces every batch, event and draft with the backup&apos;s. The current ledger is saved
              beside it first. A backup that fails verification is refused.
            </p>
          ) : null}
        </LedgerAction>
      </div>
    </section>
  );
};
