import { useEffect } from 'react';
import { screens } from '../screens.ts';
import { useUiState } from '../state/stores.tsx';
import { isMacPlatform } from './platform.ts';

/** Ctrl+1…4 (⌘ on macOS) open the screens from anywhere in the window. */
export const useScreenShortcuts = (): void => {
  const screenSelected = useUiState((state) => state.screenSelected);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const modifierHeld = isMacPlatform() ? event.metaKey : event.ctrlKey;
      if (!modifierHeld || event.altKey || event.shiftKey) return;
      const screen = screens.find((candidate) => candidate.shortcutDigit === event.key);
      if (screen === undefined) return;
      event.preventDefault();
      screenSelected(screen.id);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [screenSelected]);
};
