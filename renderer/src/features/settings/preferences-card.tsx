import { useState, type SyntheticEvent } from 'react';
import { themes, type Preferences, type Theme } from '../../../../common/contract/preferences.ts';
import { maxFromNameLength, maxMessageLength } from '../../../../common/recipients/check-message.ts';
import { phoneCountries } from '../../../../common/recipients/phone-countries.ts';
import { ErrorCallout } from '../../components/error-callout.tsx';
import { RadioChoices } from '../../components/radio-choices.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useRequestedOnMount } from '../../components/use-requested-on-mount.ts';
import { useAppState, usePreferencesState } from '../../state/stores.tsx';

const themeLabels: Record<Theme, string> = { system: 'Same as the system', light: 'Light', dark: 'Dark' };

/** The texts new drafts start with, no longer than a row's own (the schema checks the same limits). */
const textSettings = [
  {
    key: 'defaultSenderName',
    label: 'Default sender name',
    placeholder: 'Your company',
    maxLength: maxFromNameLength,
  },
  {
    key: 'defaultMessage',
    label: 'Default message',
    fieldClassName: 'field--wide',
    placeholder: 'Thank you, {first_name}! Here is {amount}.',
    maxLength: maxMessageLength,
  },
] as const;

const PreferencesForm = ({ saved }: { saved: Preferences }) => {
  const preferencesSaved = usePreferencesState((state) => state.preferencesSaved);
  const saveError = usePreferencesState((state) => state.saveError);
  const [form, setForm] = useState(saved);
  const [savedNow, setSavedNow] = useState(false);
  const change = (changes: Partial<Preferences>) => {
    setForm((current) => ({ ...current, ...changes }));
    setSavedNow(false);
  };
  /** A text setting's value and its change, for a field. */
  const bound = (key: 'defaultCountry' | 'defaultSenderName' | 'defaultMessage') => ({
    value: form[key],
    onValueChange: (value: string) => {
      change({ [key]: value });
    },
  });
  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    setSavedNow(await preferencesSaved(form));
  };
  return (
    <form className="preferences" onSubmit={(event) => void submit(event)}>
      <SelectField
        label="Phone numbers in (for new drafts)"
        options={phoneCountries}
        {...bound('defaultCountry')}
      />
      {textSettings.map(({ key, ...field }) => (
        <TextField key={key} {...field} {...bound(key)} />
      ))}
      <RadioChoices
        name="theme"
        legend="Appearance"
        legendClassName="field__label"
        className="choices choices--inline"
        choices={themes}
        labelOf={(theme) => <span>{themeLabels[theme]}</span>}
        value={form.theme}
        onChoose={(theme) => {
          change({ theme });
        }}
      />
      <ErrorCallout message={saveError} />
      <div className="actions">
        <button type="submit" className="button">
          Save preferences
        </button>
        {savedNow ? (
          <span className="muted" role="status">
            Saved. New drafts start with these.
          </span>
        ) : null}
      </div>
    </form>
  );
};

const DataFolder = () => {
  const appInfo = useAppState((state) => state.appInfo);
  const dataFolderOpenRequested = usePreferencesState((state) => state.dataFolderOpenRequested);
  const folderNotOpened = usePreferencesState((state) => state.folderNotOpened);
  if (appInfo.status !== 'ready') return null;
  return (
    <div className="preferences__folder">
      <span className="field__label">Data folder</span>
      <code className="preferences__path" data-testid="data-folder">
        {appInfo.info.dataDir}
      </code>
      <p className="muted">
        The ledger, settings and catalog cache, readable by you only. Back it up with the ledger.
      </p>
      <button
        type="button"
        className="button button--quiet"
        onClick={() => {
          void dataFolderOpenRequested();
        }}
      >
        Open in file manager
      </button>
      {folderNotOpened === null ? null : (
        <p className="muted" role="status">
          No file manager can be opened from here: the folder is {folderNotOpened}
        </p>
      )}
    </div>
  );
};

/** Settings → Preferences: what new drafts start with, the window's appearance, and the data folder. */
export const PreferencesCard = () => {
  const preferences = usePreferencesState((state) => state.preferences);
  const loadError = usePreferencesState((state) => state.loadError);
  useRequestedOnMount(usePreferencesState((state) => state.preferencesRequested));
  return (
    <section className="panel" aria-labelledby="preferences-title">
      <h2 className="panel__title" id="preferences-title">
        Preferences
      </h2>
      <ErrorCallout message={loadError} />
      {preferences === null ? null : <PreferencesForm saved={preferences} />}
      <DataFolder />
    </section>
  );
};
