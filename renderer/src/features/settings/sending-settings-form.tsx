import { useState, type SyntheticEvent } from 'react';
import type { SendingSettings } from '../../../../common/contract/sending-settings.ts';
import { ErrorCallout } from '../../components/error-callout.tsx';
import { useRequestedOnMount } from '../../components/use-requested-on-mount.ts';
import { useSendingSettingsState } from '../../state/stores.tsx';
import {
  fromForm,
  toForm,
  type SendingSettingsErrors,
  type SendingSettingsText,
} from './sending-settings-form-values.ts';

interface FieldSpec {
  readonly key: keyof SendingSettings;
  readonly label: string;
  readonly hint: string;
  readonly isAmount?: boolean;
  readonly isWide?: boolean;
}

const sendingFields: readonly FieldSpec[] = [
  { key: 'concurrency', label: 'Orders in flight at once', hint: '1 to 16.' },
  {
    key: 'requestsPerSecond',
    label: 'Requests per second',
    hint: 'Order requests started, at most; 1 to 500.',
  },
  {
    key: 'pendingDeadlineMinutes',
    label: 'Pending deadline (minutes)',
    hint: 'A pending order needs review after this long.',
  },
  {
    key: 'duplicateLookbackDays',
    label: 'Duplicate look-back (days)',
    hint: 'Warn when a recipient was rewarded this recently; 0 turns it off.',
  },
];

const policyFields: readonly FieldSpec[] = [
  {
    key: 'confirmAboveCents',
    label: 'Type the total to confirm above',
    hint: 'In dollars; 0 asks for every batch.',
    isAmount: true,
  },
  {
    key: 'maxRewardCents',
    label: 'Maximum per reward',
    hint: 'In dollars; empty for no limit.',
    isAmount: true,
  },
  {
    key: 'maxBatchTotalCents',
    label: 'Maximum batch total',
    hint: 'In dollars; empty for no limit.',
    isAmount: true,
  },
  {
    key: 'yearlyThresholdCents',
    label: 'Yearly threshold per recipient',
    hint: 'Warn when a recipient would cross it this year; empty turns it off.',
    isAmount: true,
  },
  {
    key: 'allowedProductIds',
    label: 'Allowed products',
    hint: 'Product ids separated by commas; empty allows every product in the catalog.',
    isWide: true,
  },
];

const Field = ({
  spec,
  value,
  error,
  onChange,
}: {
  spec: FieldSpec;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) => {
  const hintId = `sending-${spec.key}-hint`;
  return (
    <label className={spec.isWide === true ? 'field sending__wide' : 'field'}>
      <span className="field__label">{spec.label}</span>
      <input
        className="input"
        inputMode={spec.isWide === true ? 'text' : 'decimal'}
        aria-describedby={hintId}
        aria-invalid={error !== undefined}
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
      <span id={hintId} className={error === undefined ? 'field__hint' : 'field__hint text-error'}>
        {error ?? spec.hint}
      </span>
    </label>
  );
};

const Form = ({ settings }: { settings: SendingSettings }) => {
  const settingsSaved = useSendingSettingsState((state) => state.settingsSaved);
  const saveError = useSendingSettingsState((state) => state.saveError);
  const isSaving = useSendingSettingsState((state) => state.isSaving);
  const [form, setForm] = useState<SendingSettingsText>(() => toForm(settings));
  const [errors, setErrors] = useState<SendingSettingsErrors>({});
  const [isSaved, setSaved] = useState(false);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const parsed = fromForm(form);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      setSaved(false);
      return;
    }
    setErrors({});
    const isOk = await settingsSaved(parsed.settings);
    setSaved(isOk);
    if (isOk) setForm(toForm(parsed.settings));
  };
  const fieldFor = (spec: FieldSpec) => (
    <Field
      key={spec.key}
      spec={spec}
      value={form[spec.key]}
      error={errors[spec.key]}
      onChange={(value) => {
        setForm({ ...form, [spec.key]: value });
        setSaved(false);
      }}
    />
  );

  return (
    <form
      className="panel settings__wide"
      onSubmit={(event) => void submit(event)}
      aria-labelledby="sending-title"
      noValidate
    >
      <h2 className="panel__title" id="sending-title">
        Sending and policies
      </h2>
      <p className="muted">
        How batches are sent, and the limits every review checks (the command line uses them too).
      </p>
      <fieldset className="sending__group">
        <legend className="sending__legend">Sending</legend>
        {sendingFields.map(fieldFor)}
      </fieldset>
      <fieldset className="sending__group">
        <legend className="sending__legend">Policies</legend>
        {policyFields.map(fieldFor)}
      </fieldset>
      <ErrorCallout message={saveError} />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={isSaving}>
          Save sending settings
        </button>
        <span className="muted" role="status">
          {Object.keys(errors).length > 0 ? 'Fix the fields marked in red.' : isSaved ? 'Saved.' : ''}
        </span>
      </div>
    </form>
  );
};

/** Settings → Sending and policies: concurrency, rate, deadlines and the program's limits. */
export const SendingSettingsForm = () => {
  const settings = useSendingSettingsState((state) => state.settings);
  const loadError = useSendingSettingsState((state) => state.loadError);
  useRequestedOnMount(useSendingSettingsState((state) => state.settingsRequested));
  if (settings === null) {
    return (
      <section className="panel settings__wide" aria-label="Sending and policies">
        <p className={loadError === null ? 'muted' : 'callout callout--error'}>{loadError ?? 'Loading…'}</p>
      </section>
    );
  }
  return <Form settings={settings} />;
};
