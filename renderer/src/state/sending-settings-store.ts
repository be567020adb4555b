import { createStore } from 'zustand/vanilla';
import type { GiftBatchApi } from '../../../common/contract/channels.ts';
import type { SendingSettings } from '../../../common/contract/sending-settings.ts';

export interface SendingSettingsState {
  readonly settings: SendingSettings | null;
  readonly loadError: string | null;
  /** Main's refusal of the last save, written for people. */
  readonly saveError: string | null;
  readonly isSaving: boolean;
  readonly settingsRequested: () => Promise<void>;
  /** Resolves true when main saved the change. */
  readonly settingsSaved: (changes: Partial<SendingSettings>) => Promise<boolean>;
}

/** How batches are sent and the program's policies, as main's settings file has them. */
export const createSendingSettingsStore = (api: GiftBatchApi) =>
  createStore<SendingSettingsState>()((set) => ({
    settings: null,
    loadError: null,
    saveError: null,
    isSaving: false,
    settingsRequested: async () => {
      const result = await api.getSendingSettings();
      set(result.ok ? { settings: result.value, loadError: null } : { loadError: result.error.message });
    },
    settingsSaved: async (changes) => {
      set({ isSaving: true, saveError: null });
      const result = await api.updateSendingSettings(changes);
      set(
        result.ok
          ? { settings: result.value, isSaving: false, saveError: null }
          : { isSaving: false, saveError: result.error.message },
      );
      return result.ok;
    },
  }));

export type SendingSettingsStore = ReturnType<typeof createSendingSettingsStore>;
