import { useEffect, useRef, useState } from 'react';
import { deliveryTypeSchema, deliveryTypes, type Product } from '../../../../common/catalog/product.ts';
import { maxDraftNameLength, type DraftSettings } from '../../../../common/contract/drafts.ts';
import { phoneCountries } from '../../../../common/recipients/phone-countries.ts';
import { formatCents } from '../../../../common/money.ts';
import { parseAmount } from '../../../../common/recipients/parse-amount.ts';
import { deliveryTypeLabels } from '../../wording.ts';
import { TextField } from '../../components/text-field.tsx';
import { useCatalogState, useDraftState } from '../../state/stores.tsx';

type DefaultField = keyof DraftSettings['defaults'];

/**
 * The default product when it is not among the products offered for the delivery type (the type was
 * changed after it was chosen, or the catalog does not have it, or has not loaded yet): rows still
 * inherit it, so the select shows it, marked, for the user to keep or change, rather than "None".
 */
const unofferedDefault = (
  settings: DraftSettings,
  /** The catalog's products; undefined until it has loaded. */
  products: readonly Product[] | undefined,
  offered: readonly Product[],
): { id: string; label: string } | undefined => {
  const id = settings.defaults.product_id;
  if (id === undefined || id === '' || offered.some((product) => product.id === id)) return undefined;
  if (products === undefined) return { id, label: id };
  const known = products.find((product) => product.id === id);
  return {
    id,
    label:
      known === undefined
        ? `${id} (not in the catalog)`
        : `${known.name} (not offered for this delivery type)`,
  };
};

/** The settings in one line, for the folded panel: what every row inherits. */
const summaryOf = (settings: DraftSettings, products: readonly Product[]): string => {
  const { defaults } = settings;
  const product = products.find((known) => known.id === defaults.product_id);
  const amount = defaults.amount === undefined ? undefined : parseAmount(defaults.amount);
  return [
    deliveryTypeLabels[settings.deliveryType],
    settings.deliveryType === 'DigitalDelivery' && settings.emailOnly === true ? 'email only' : undefined,
    product?.name ?? defaults.product_id ?? 'no default product',
    amount === undefined
      ? 'no default amount'
      : amount.ok
        ? formatCents(amount.value, product?.currencyCode ?? 'USD')
        : defaults.amount,
    defaults.from_name === undefined ? undefined : `from ${defaults.from_name}`,
    defaults.message === undefined ? undefined : 'a default message',
  ]
    .filter((part) => part !== undefined)
    .join(' · ');
};

/**
 * The batch: its name, delivery type and the defaults every row inherits unless it sets its own. It
 * folds to one line, so the grid has the screen; it starts open on a draft without rows yet.
 */
export const DraftSettingsBar = ({ readOnly }: { readOnly: boolean }) => {
  const rowCount = useDraftState((state) => state.rows.length);
  const [isOpen, setOpen] = useState(rowCount === 0 && !readOnly);
  // The first rows in (a paste, an import) fold the panel, so the grid gets the screen; after that it
  // stays as the person leaves it.
  const hadRows = useRef(rowCount > 0);
  useEffect(() => {
    if (rowCount === 0 || hadRows.current) return;
    hadRows.current = true;
    setOpen(false);
  }, [rowCount]);
  const name = useDraftState((state) => state.name);
  const settings = useDraftState((state) => state.settings);
  const saveStatus = useDraftState((state) => state.saveStatus);
  const saveError = useDraftState((state) => state.saveError);
  const draftRenamed = useDraftState((state) => state.draftRenamed);
  const settingsChanged = useDraftState((state) => state.settingsChanged);
  // Select the catalog itself: a selector returning a fresh [] on every call would re-render forever.
  const catalog = useCatalogState((state) => state.catalog);
  const products = catalog?.products ?? [];
  const offered = products.filter((product) => product.deliveryTypes.includes(settings.deliveryType));
  const staleDefault = unofferedDefault(settings, catalog?.products, offered);

  const setDefault = (field: DefaultField, value: string) => {
    const merged: Record<string, string | undefined> = { ...settings.defaults, [field]: value };
    // An emptied default is removed, so rows stop inheriting it.
    const defaults = Object.fromEntries(
      Object.entries(merged).filter(([, text]) => text !== '' && text !== undefined),
    );
    settingsChanged({ ...settings, defaults });
  };

  const saveLabel =
    saveStatus === 'saved'
      ? 'All changes saved'
      : saveStatus === 'saving'
        ? 'Saving…'
        : saveStatus === 'failed'
          ? `Not saved: ${saveError ?? 'unknown error'}`
          : 'Unsaved changes';

  return (
    <details
      className="draft-settings"
      open={isOpen}
      onToggle={(event) => {
        setOpen(event.currentTarget.open);
      }}
    >
      <summary className="draft-settings__summary">
        <span className="draft-settings__heading">Batch settings</span>
        <span className="draft-settings__line" data-testid="settings-summary">
          {name} · {summaryOf(settings, products)}
        </span>
        <span className={`save-status save-status--${saveStatus}`} role="status" data-testid="save-status">
          {saveLabel}
        </span>
      </summary>
      <fieldset className="draft-settings__fields" disabled={readOnly}>
        <TextField
          label="Batch name"
          maxLength={maxDraftNameLength}
          value={name}
          onValueChange={draftRenamed}
        />
        <label className="field">
          <span className="field__label">Delivery</span>
          <select
            className="input"
            value={settings.deliveryType}
            onChange={(event) => {
              const parsed = deliveryTypeSchema.safeParse(event.target.value);
              if (parsed.success) settingsChanged({ ...settings, deliveryType: parsed.data });
            }}
          >
            {deliveryTypes.map((type) => (
              <option key={type} value={type}>
                {deliveryTypeLabels[type]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">Default product</span>
          <select
            className="input"
            value={settings.defaults.product_id ?? ''}
            // The select is narrow: a red border, and the whole label on hover, say why it is marked.
            aria-invalid={staleDefault !== undefined}
            title={staleDefault?.label}
            onChange={(event) => {
              setDefault('product_id', event.target.value);
            }}
          >
            <option value="">None (set per row)</option>
            {staleDefault === undefined ? null : (
              <option value={staleDefault.id}>{staleDefault.label}</option>
            )}
            {offered.map((product) => (
              <option key={product.id} value={product.id}>
                {product.name}
              </option>
            ))}
          </select>
        </label>
        <TextField
          label="Default amount"
          fieldClassName="field--narrow"
          inputMode="decimal"
          value={settings.defaults.amount ?? ''}
          onValueChange={(value) => {
            setDefault('amount', value);
          }}
        />
        <TextField
          label="From name"
          value={settings.defaults.from_name ?? ''}
          onValueChange={(value) => {
            setDefault('from_name', value);
          }}
        />
        <label className="field">
          <span className="field__label">Phone numbers in</span>
          <select
            className="input"
            value={settings.defaultCountry}
            onChange={(event) => {
              settingsChanged({ ...settings, defaultCountry: event.target.value });
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
          label="Default message"
          fieldClassName="field--wide"
          placeholder="Thank you, {first_name}! Here is {amount}."
          value={settings.defaults.message ?? ''}
          onValueChange={(value) => {
            setDefault('message', value);
          }}
        />
        {settings.deliveryType === 'DigitalDelivery' ? (
          <label
            className="checkbox draft-settings__email-only"
            title="Rows without an email become errors, and no mobile number is sent"
          >
            <input
              type="checkbox"
              checked={settings.emailOnly === true}
              onChange={(event) => {
                const { emailOnly: _, ...rest } = settings;
                settingsChanged(event.target.checked ? { ...rest, emailOnly: true } : rest);
              }}
            />
            Email only (no text messages)
          </label>
        ) : null}
      </fieldset>
    </details>
  );
};
