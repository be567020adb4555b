import { createStore } from 'zustand/vanilla';
import type { DeliveryType } from '../../../common/catalog/product.ts';
import type { GiftBatchApi } from '../../../common/contract/channels.ts';
import type { DraftSettings } from '../../../common/contract/drafts.ts';
import type { Preferences } from '../../../common/contract/preferences.ts';
import { defaultPhoneCountry } from '../../../common/recipients/countries.ts';

export interface PreferencesState {
  readonly preferences: Preferences | null;
  readonly loadError: string | null;
  /** Main's refusal of the last save, written for people. */
  readonly saveError: string | null;
  /** Where the data folder is, after asking to open it where no file manager could be asked. */
  readonly folderNotOpened: string | null;
  readonly preferencesRequested: () => Promise<void>;
  /** Resolves true when main saved the change. */
  readonly preferencesSaved: (changes: Partial<Preferences>) => Promise<boolean>;
  readonly dataFolderOpenRequested: () => Promise<void>;
}

/** What a new draft starts with: the preferences' country, sender name and message. */
export const newDraftSettings = (
  preferences: Preferences | null,
  deliveryType: DeliveryType,
): DraftSettings => ({
  deliveryType,
  defaults: {
    ...(preferences === null || preferences.defaultSenderName === ''
      ? {}
      : { from_name: preferences.defaultSenderName }),
    ...(preferences === null || preferences.defaultMessage === ''
      ? {}
      : { message: preferences.defaultMessage }),
  },
  defaultCountry: preferences?.defaultCountry ?? defaultPhoneCountry,
});

/** The user's preferences as main's settings file has them, and the data folder's "Open". */
export const createPreferencesStore = (api: GiftBatchApi) =>
  createStore<PreferencesState>()((set) => ({
    preferences: null,
    loadError: null,
    saveError: null,
    folderNotOpened: null,
    preferencesRequested: async () => {
      const result = await api.getPreferences();
      set(result.ok ? { preferences: result.value, loadError: null } : { loadError: result.error.message });
    },
    preferencesSaved: async (changes) => {
      set({ saveError: null });
      const result = await api.updatePreferences(changes);
      set(result.ok ? { preferences: result.value } : { saveError: result.error.message });
      return result.ok;
    },
    dataFolderOpenRequested: async () => {
      const result = await api.openDataFolder();
      set({ folderNotOpened: result.ok && !result.value.opened ? result.value.folder : null });
    },
  }));

export type PreferencesStore = ReturnType<typeof createPreferencesStore>;
