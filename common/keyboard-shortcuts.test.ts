import { describe, expect, it } from 'vitest';
import { keyboardShortcutsText } from './keyboard-shortcuts.ts';

describe('the keyboard shortcuts list', () => {
  it('spells the modifier for the platform and lists the grid keys', () => {
    expect(keyboardShortcutsText(true)).toContain('⌘Z  —  Undo');
    expect(keyboardShortcutsText(false)).toContain('Ctrl+Z  —  Undo');
    expect(keyboardShortcutsText(false)).toContain('Recipient grid');
    expect(keyboardShortcutsText(false)).not.toContain('Mod+');
  });
});
