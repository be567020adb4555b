import type { MenuCommand } from '../../../common/contract/desktop.ts';
import type { ScreenId } from '../screens.ts';
import type { Stores } from './stores.tsx';

const screenFor: Record<MenuCommand, ScreenId> = {
  'new-draft': 'compose',
  'export-audit-report': 'history',
  'back-up-ledger': 'settings',
};

/**
 * A menu item chosen in the app menu: open its screen, then focus the control that does it (marked
 * `data-menu-target`), once the screen has rendered. Export starts from History, where a batch is chosen.
 */
export const followMenuCommand = (command: MenuCommand, stores: Stores): void => {
  stores.ui.getState().screenSelected(screenFor[command]);
  requestAnimationFrame(() => {
    document.querySelector<HTMLElement>(`[data-menu-target="${command}"]`)?.focus();
  });
};
