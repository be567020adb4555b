import { memo, useEffect, useState } from 'react';
import { deliveryTypes, type DeliveryType } from '../../../../common/catalog/product.ts';
import { ConfirmGroup } from '../../components/confirm-group.tsx';
import { countOf, deliveryTypeLabels } from '../../wording.ts';
import { newDraftSettings } from '../../state/preferences-store.ts';
import { useDraftState, usePreferencesState } from '../../state/stores.tsx';

/** Several named drafts: open one, or start a new one with its delivery type. */
export const DraftPicker = memo(function DraftPicker() {
  const drafts = useDraftState((state) => state.drafts);
  const draftId = useDraftState((state) => state.draftId);
  const lastDraftResumed = useDraftState((state) => state.lastDraftResumed);
  const draftOpened = useDraftState((state) => state.draftOpened);
  const draftCreated = useDraftState((state) => state.draftCreated);
  const draftDeleted = useDraftState((state) => state.draftDeleted);
  const preferences = usePreferencesState((state) => state.preferences);
  const preferencesRequested = usePreferencesState((state) => state.preferencesRequested);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [name, setName] = useState('');
  const [deliveryType, setDeliveryType] = useState<DeliveryType>('DigitalDelivery');

  useEffect(() => {
    void lastDraftResumed();
  }, [lastDraftResumed]);
  useEffect(() => {
    void preferencesRequested();
  }, [preferencesRequested]);

  return (
    <div className="draft-picker">
      <label className="field field--inline">
        <span className="field__label">Draft</span>
        <select
          className="input"
          value={draftId ?? ''}
          onChange={(event) => {
            if (event.target.value !== '') void draftOpened(event.target.value);
          }}
        >
          <option value="" disabled>
            {drafts.length === 0 ? 'No drafts yet' : 'Choose a draft…'}
          </option>
          {drafts.map((draft) => (
            <option key={draft.id} value={draft.id}>
              {draft.name} · {deliveryTypeLabels[draft.deliveryType]} · {countOf(draft.rowCount, 'row')}
            </option>
          ))}
        </select>
      </label>
      {draftId === null ? null : confirmingDelete ? (
        <ConfirmGroup
          className="draft-picker__confirm"
          label="Confirm deletion"
          question="Delete this draft and its rows?"
          confirmLabel="Delete draft"
          keepLabel="Keep it"
          onConfirm={() => {
            setConfirmingDelete(false);
            void draftDeleted();
          }}
          onKeep={() => {
            setConfirmingDelete(false);
          }}
        />
      ) : (
        <button
          type="button"
          className="button button--quiet"
          onClick={() => {
            setConfirmingDelete(true);
          }}
        >
          Delete draft…
        </button>
      )}
      <form
        className="draft-picker__new"
        onSubmit={(event) => {
          event.preventDefault();
          void draftCreated(
            name.trim() === '' ? 'Untitled batch' : name.trim(),
            newDraftSettings(preferences, deliveryType),
          );
          setName('');
        }}
      >
        <input
          className="input"
          aria-label="New draft name"
          data-menu-target="new-draft"
          placeholder="New draft name"
          value={name}
          onChange={(event) => {
            setName(event.target.value);
          }}
        />
        <select
          className="input"
          aria-label="Delivery type"
          value={deliveryType}
          onChange={(event) => {
            setDeliveryType(event.target.value as DeliveryType);
          }}
        >
          {deliveryTypes.map((type) => (
            <option key={type} value={type}>
              {deliveryTypeLabels[type]}
            </option>
          ))}
        </select>
        <button type="submit" className="button">
          New draft
        </button>
      </form>
    </div>
  );
});
