import type { Preferences } from '../../../common/contract/preferences.ts';
import { ok } from '../../../common/result.ts';
import type { SettingsStore } from '../../settings/settings-store.ts';
import type { CallHandlers } from '../call-handlers.ts';

export const createPreferencesHandlers = (
  settings: SettingsStore,
  onChanged: (preferences: Preferences) => void,
): Pick<
  CallHandlers,
  | 'settings:get-preferences'
  | 'settings:update-preferences'
  | 'settings:get-first-run-guide'
  | 'settings:update-first-run-guide'
> => ({
  'settings:get-preferences': () => Promise.resolve(ok(settings.get().preferences)),
  'settings:update-preferences': (input) => {
    const { preferences } = settings.update((current) => ({
      ...current,
      preferences: { ...current.preferences, ...input },
    }));
    onChanged(preferences);
    return Promise.resolve(ok(preferences));
  },
  'settings:get-first-run-guide': () => Promise.resolve(ok(settings.get().firstRunGuide)),
  'settings:update-first-run-guide': (input) =>
    Promise.resolve(ok(settings.update((current) => ({ ...current, firstRunGuide: input })).firstRunGuide)),
});
