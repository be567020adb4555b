import { useRef, type KeyboardEvent } from 'react';
import { screens } from '../screens.ts';
import { useUiState } from '../state/stores.tsx';
import { isMacPlatform } from './platform.ts';

/** Sidebar navigation: Tab reaches it, arrow keys move between screens, Enter or Space opens one. */
export const NavBar = () => {
  const current = useUiState((state) => state.screen);
  const screenSelected = useUiState((state) => state.screenSelected);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const modifier = isMacPlatform() ? '⌘' : 'Ctrl+';

  const moveFocus = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const step = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    const target =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? screens.length - 1
          : step === undefined
            ? undefined
            : index + step;
    if (target === undefined) return;
    event.preventDefault();
    buttons.current[(target + screens.length) % screens.length]?.focus();
  };

  return (
    <nav className="nav" aria-label="Screens">
      <div className="nav__brand" aria-hidden="true">
        <span className="nav__logo">◆</span> GiftBatch
      </div>
      <ul className="nav__list">
        {screens.map((screen, index) => (
          <li key={screen.id}>
            <button
              ref={(element) => {
                buttons.current[index] = element;
              }}
              type="button"
              className="nav__item"
              aria-current={screen.id === current ? 'page' : undefined}
              aria-keyshortcuts={`${isMacPlatform() ? 'Meta' : 'Control'}+${screen.shortcutDigit}`}
              onClick={() => {
                screenSelected(screen.id);
              }}
              onKeyDown={(event) => {
                moveFocus(event, index);
              }}
            >
              <span>{screen.label}</span>
              <kbd className="nav__shortcut">
                {modifier}
                {screen.shortcutDigit}
              </kbd>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
};
