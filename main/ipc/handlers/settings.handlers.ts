import { ok } from '../../../common/result.ts';
import type { SettingsStore } from '../../settings/settings-store.ts';
import type { CallHandlers } from '../call-handlers.ts';

export const createSettingsHandlers = (
  settings: SettingsStore,
): Pick<CallHandlers, 'settings:get-sending' | 'settings:update-sending'> => ({
  'settings:get-sending': () => Promise.resolve(ok(settings.get().sending)),
  'settings:update-sending': (input) =>
    Promise.resolve(
      ok(settings.update((current) => ({ ...current, sending: { ...current.sending, ...input } })).sending),
    ),
});
