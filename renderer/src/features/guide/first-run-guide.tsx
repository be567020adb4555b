import type { ReactNode } from 'react';
import { countOf } from '../../wording.ts';
import { guideStepCount } from '../../state/guide-store.ts';
import { useConnectionState, useDraftState, useGuideState, useUiState } from '../../state/stores.tsx';
import { ModalDialog } from '../track/modal-dialog.tsx';
import { sampleDraftName, sampleDraftSettings, sampleRecipients } from './sample-batch.ts';

const SampleBatchStep = () => {
  const environment = useConnectionState((state) => state.connection?.environment ?? null);
  const draftCreated = useDraftState((state) => state.draftCreated);
  const rowsInserted = useDraftState((state) => state.rowsInserted);
  const screenSelected = useUiState((state) => state.screenSelected);
  const guideClosed = useGuideState((state) => state.guideClosed);
  const isSandbox = environment === 'sandbox';

  const createSample = async () => {
    // Compose shows why when the draft could not be created; the rows never go into another draft.
    if (await draftCreated(sampleDraftName, sampleDraftSettings)) rowsInserted(0, sampleRecipients);
    screenSelected('compose');
    await guideClosed();
  };

  return (
    <>
      <p>
        A draft of {countOf(sampleRecipients.length, 'sample recipient')}, each sent a $25.00 Northwind Coffee
        card by email. Review it with <strong>Review &amp; Send</strong>, send it, and follow every row in
        History: the sandbox fulfils the orders in a few seconds.
      </p>
      {isSandbox ? null : (
        <p className="callout callout--warning">
          The sample needs the Sandbox: choose it in Settings → Connection first.
        </p>
      )}
      <button
        type="button"
        className="button button--primary"
        disabled={!isSandbox}
        onClick={() => void createSample()}
      >
        Create the sample draft
      </button>
    </>
  );
};

const steps: readonly { readonly title: string; readonly body: () => ReactNode }[] = [
  {
    title: 'The Sandbox: everything works, nothing is real',
    body: () => (
      <p>
        GiftBatch starts on the <strong>Sandbox</strong>, a simulator of the GiftCard Partners API built into
        the app. It needs no account: it has a catalog of fictional gift cards and a 10,000.00 test balance,
        and nothing sent there reaches anyone or costs money. The status bar always shows which environment
        you are on.
      </p>
    ),
  },
  {
    title: 'Moving to Staging or Production',
    body: () => (
      <p>
        When you are ready, open <strong>Settings → Connection</strong> and choose Staging (your
        provider&apos;s test system) or Production (real rewards, real money). Enter the base URL, then the
        email and access token from the provider&apos;s portal: they are kept encrypted and never shown again.
        Every batch records the environment it was sent to.
      </p>
    ),
  },
  { title: 'Try a sample batch', body: () => <SampleBatchStep /> },
];

/** Three short steps on the first launch; skippable, and Settings opens it again. */
export const FirstRunGuide = () => {
  const isOpen = useGuideState((state) => state.isOpen);
  const step = useGuideState((state) => state.step);
  const stepChosen = useGuideState((state) => state.stepChosen);
  const guideClosed = useGuideState((state) => state.guideClosed);
  const close = () => {
    void guideClosed();
  };
  const current = steps[step];
  if (!isOpen || current === undefined) return null;
  const isLast = step === guideStepCount - 1;

  return (
    <ModalDialog title="Welcome to GiftBatch" onClose={close}>
      <div className="guide" data-testid="first-run-guide">
        <p className="guide__progress muted">
          Step {step + 1} of {guideStepCount}
        </p>
        <h3 className="guide__title">{current.title}</h3>
        {current.body()}
        <div className="guide__actions">
          <button type="button" className="button button--quiet" onClick={close}>
            {isLast ? 'Close' : 'Skip the guide'}
          </button>
          <span className="guide__steps">
            {step === 0 ? null : (
              <button
                type="button"
                className="button"
                onClick={() => {
                  stepChosen(step - 1);
                }}
              >
                Back
              </button>
            )}
            {isLast ? null : (
              <button
                type="button"
                className="button button--primary"
                onClick={() => {
                  stepChosen(step + 1);
                }}
              >
                Next
              </button>
            )}
          </span>
        </div>
      </div>
    </ModalDialog>
  );
};

/** Settings → Getting started: the first-run guide, again. */
export const GuideCard = () => {
  const guideOpened = useGuideState((state) => state.guideOpened);
  return (
    <section className="panel" aria-labelledby="guide-card-title">
      <h2 className="panel__title" id="guide-card-title">
        Getting started
      </h2>
      <p className="muted">What the Sandbox is, how to move to Staging or Production, and a sample batch.</p>
      <button type="button" className="button" onClick={guideOpened}>
        Show the first-run guide again
      </button>
    </section>
  );
};
