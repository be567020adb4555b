/**
 * Every keyboard shortcut the window answers, for Help → Keyboard shortcuts. `Mod` is Ctrl, or ⌘ on
 * macOS. The grid's keys are react-data-grid's own plus the ones Compose adds.
 */
export interface KeyboardShortcut {
  readonly keys: string;
  readonly action: string;
}

export interface ShortcutGroup {
  readonly title: string;
  readonly shortcuts: readonly KeyboardShortcut[];
}

export const keyboardShortcuts: readonly ShortcutGroup[] = [
  {
    title: 'Anywhere',
    shortcuts: [
      { keys: 'Mod+1 … Mod+5', action: 'Compose, Review & Send, History, Catalog, Settings' },
      { keys: 'Mod+N', action: 'New draft' },
      { keys: 'Mod+O', action: 'Import a CSV, TSV or Excel file' },
      { keys: 'Mod+E', action: 'Export an audit report (History)' },
    ],
  },
  {
    title: 'Recipient grid',
    shortcuts: [
      { keys: 'Arrow keys, Tab, Shift+Tab', action: 'Move between cells' },
      { keys: 'Enter or F2, or start typing', action: 'Edit the cell' },
      { keys: 'Enter', action: 'Keep the edit' },
      { keys: 'Escape', action: 'Drop the edit' },
      { keys: 'Delete or Backspace', action: 'Clear the cell' },
      { keys: 'Mod+C, Mod+V', action: 'Copy a cell; paste cells or rows from a spreadsheet' },
      { keys: 'Mod+Z', action: 'Undo' },
      { keys: 'Mod+Y or Mod+Shift+Z', action: 'Redo' },
    ],
  },
];

/** The list as plain text, with Mod spelled for the platform. */
export const keyboardShortcutsText = (isMac: boolean): string =>
  keyboardShortcuts
    .map(
      (group) =>
        `${group.title}\n${group.shortcuts
          .map(
            (shortcut) =>
              `  ${shortcut.keys.replaceAll('Mod+', isMac ? '⌘' : 'Ctrl+')}  —  ${shortcut.action}`,
          )
          .join('\n')}`,
    )
    .join('\n\n');
