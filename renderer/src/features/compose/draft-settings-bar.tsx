import { memo, useEffect, useRef, useState } from 'react';
import { deliveryTypeSchema, deliveryTypes, type Product } from '../../../../common/catalog/product.ts';
import { maxDraftNameLength, type DraftSettings } from '../../../../common/contract/drafts.ts';
import { phoneCountries } from '../../../../common/recipients/phone-countries.ts';
import { formatCents } from '../../../../common/money.ts';
import { parseAmount } from '../../../../common/recipients/parse-amount.ts';
import { deliveryTypeLabels } from '../../wording.ts';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { SelectField } from '../../components/select-field.tsx';
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

/** Whether the draft is saved, drawn on its own: every edit changes it, and the panel need not follow. */
const SaveStatus = () => {
  const saveStatus = useDraftState((state) => state.saveStatus);
  const saveError = useDraftState((state) => state.saveError);
  const label =
    saveStatus === 'saved'
      ? 'All changes saved'
      : saveStatus === 'saving'
        ? 'Saving…'
        : saveStatus === 'failed'
          ? `Not saved: ${saveError ?? 'unknown error'}`
          : 'Unsaved changes';
  return (
    <span className={`save-status save-status--${saveStatus}`} role="status" data-testid="save-status">
      {label}
    </span>
  );
};

/**
 * The batch: its name, delivery type and the defaults every row inherits unless it sets its own. It
 * folds to one line, so the grid has the screen; it starts open on a draft without rows yet.
 */
export const DraftSettingsBar = memo(function DraftSettingsBar({ readOnly }: { readOnly: boolean }) {
  // Whether there are rows, not how many: the panel is not drawn again for every row added.
  const hasRows = useDraftState((state) => state.rows.length > 0);
  const [isOpen, setOpen] = useState(!hasRows && !readOnly);
  // The first rows in (a paste, an import) fold the panel, so the grid gets the screen; after that it
  // stays as the person leaves it.
  const hadRows = useRef(hasRows);
  useEffect(() => {
    if (!hasRows || hadRows.current) return;
    hadRows.current = true;
    setOpen(false);
  }, [hasRows]);
  const name = useDraftState((state) => state.name);
  const settings = useDraftState((state) => state.settings);
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
  /** A default typed as text: what rows inherit, emptied to inherit nothing. */
  const bound = (field: DefaultField) => ({
    value: settings.defaults[field] ?? '',
    onValueChange: (value: string) => {
      setDefault(field, value);
    },
  });

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
        <SaveStatus />
      </summary>
      <fieldset className="draft-settings__fields" disabled={readOnly}>
        <TextField
          label="Batch name"
          maxLength={maxDraftNameLength}
          value={name}
          onValueChange={draftRenamed}
        />
        <SelectField
          label="Delivery"
          value={settings.deliveryType}
          options={deliveryTypes.map((type) => [type, deliveryTypeLabels[type]])}
          onValueChange={(value) => {
            const parsed = deliveryTypeSchema.safeParse(value);
            if (parsed.success) settingsChanged({ ...settings, deliveryType: parsed.data });
          }}
        />
        <SelectField
          label="Default product"
          value={settings.defaults.product_id ?? ''}
          // The select is narrow: a red border, and the whole label on hover, say why it is marked.
          aria-invalid={staleDefault !== undefined}
          title={staleDefault?.label}
          options={offered.map((product) => [product.id, product.name])}
          leading={
            <>
              <option value="">None (set per row)</option>
              {staleDefault === undefined ? null : (
                <option value={staleDefault.id}>{staleDefault.label}</option>
              )}
            </>
          }
          onValueChange={(value) => {
            setDefault('product_id', value);
          }}
        />
        <TextField
          label="Default amount"
          fieldClassName="field--narrow"
          inputMode="decimal"
          {...bound('amount')}
        />
        <TextField label="From name" {...bound('from_name')} />
        <SelectField
          label="Phone numbers in"
          value={settings.defaultCountry}
          options={phoneCountries}
          onValueChange={(defaultCountry) => {
            settingsChanged({ ...settings, defaultCountry });
          }}
        />
        <TextField
          label="Default message"
          fieldClassName="field--wide"
          placeholder="Thank you, {first_name}! Here is {amount}."
          {...bound('message')}
        />
        {settings.deliveryType === 'DigitalDelivery' ? (
          <CheckboxField
            className="checkbox draft-settings__email-only"
            title="Rows without an email become errors, and no mobile number is sent"
            checked={settings.emailOnly === true}
            onCheckedChange={(checked) => {
              const { emailOnly: _, ...rest } = settings;
              settingsChanged(checked ? { ...rest, emailOnly: true } : rest);
            }}
          >
            Email only (no text messages)
          </CheckboxField>
        ) : null}
      </fieldset>
    </details>
  );
});
