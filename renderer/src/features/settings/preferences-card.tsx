import { useEffect, useState, type SyntheticEvent } from 'react';
import { themes, type Preferences, type Theme } from '../../../../common/contract/preferences.ts';
import { phoneCountries } from '../../../../common/recipients/phone-countries.ts';
import { TextField } from '../../components/text-field.tsx';
import { useAppState, usePreferencesState } from '../../state/stores.tsx';

const themeLabels: Record<Theme, string> = { system: 'Same as the system', light: 'Light', dark: 'Dark' };

const PreferencesForm = ({ saved }: { saved: Preferences }) => {
  const preferencesSaved = usePreferencesState((state) => state.preferencesSaved);
  const saveError = usePreferencesState((state) => state.saveError);
  const [form, setForm] = useState(saved);
  const [savedNow, setSavedNow] = useState(false);
  const change = (changes: Partial<Preferences>) => {
    setForm((current) => ({ ...current, ...changes }));
    setSavedNow(false);
  };
  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    setSavedNow(await preferencesSaved(form));
  };
  return (
    <form className="preferences" onSubmit={(event) => void submit(event)}>
      <label className="field">
        <span className="field__label">Phone numbers in (for new drafts)</span>
        <select
          className="input"
          value={form.defaultCountry}
          onChange={(event) => {
            change({ defaultCountry: event.target.value });
          }}
        >
          {phoneCountries.map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <TextField
        label="Default sender name"
        placeholder="Your company"
        maxLength={100}
        value={form.defaultSenderName}
        onValueChange={(defaultSenderName) => {
          change({ defaultSenderName });
        }}
      />
      <TextField
        label="Default message"
        fieldClassName="field--wide"
        placeholder="Thank you, {first_name}! Here is {amount}."
        maxLength={500}
        value={form.defaultMessage}
        onValueChange={(defaultMessage) => {
          change({ defaultMessage });
        }}
      />
      <fieldset className="choices choices--inline">
        <legend className="field__label">Appearance</legend>
        {themes.map((theme) => (
          <label key={theme} className="choice">
            <input
              type="radio"
              name="theme"
              value={theme}
              checked={form.theme === theme}
              onChange={() => {
                change({ theme });
              }}
            />
            <span>{themeLabels[theme]}</span>
          </label>
        ))}
      </fieldset>
      {saveError === null ? null : (
        <p className="callout callout--error" role="alert">
          {saveError}
        </p>
      )}
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
  const preferencesRequested = usePreferencesState((state) => state.preferencesRequested);
  useEffect(() => {
    void preferencesRequested();
  }, [preferencesRequested]);
  return (
    <section className="panel" aria-labelledby="preferences-title">
      <h2 className="panel__title" id="preferences-title">
        Preferences
      </h2>
      {loadError === null ? null : (
        <p className="callout callout--error" role="alert">
          {loadError}
        </p>
      )}
      {preferences === null ? null : <PreferencesForm saved={preferences} />}
      <DataFolder />
    </section>
  );
};
