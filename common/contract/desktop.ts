import { z } from 'zod';
import { defineCall, defineEvent } from './define.ts';

/**
 * What the application menu asks the window to do. Only actions whose forms live in the renderer travel;
 * Import… (a native file dialog, then `app:file-opened`), About, Quit, the edit roles and Help are main's.
 */
export const menuCommands = ['new-draft', 'export-audit-report', 'back-up-ledger'] as const;
export type MenuCommand = (typeof menuCommands)[number];

export const menuInvoked = defineEvent({
  method: 'onMenuCommand',
  payload: z.object({ command: z.enum(menuCommands) }),
});

/** 50 MB, the importer's own limit, as base64 with room for the encoding's third. */
const maxOpenedFileBase64Length = 70 * 1024 * 1024;

/**
 * A spreadsheet the operating system handed to GiftBatch (a second launch with a file, macOS `open-file`,
 * a drop on the dock icon): main read it, and the window imports it as if it had been chosen there.
 */
export const fileOpened = defineEvent({
  method: 'onFileOpened',
  payload: z.object({
    fileName: z.string().min(1).max(255),
    contentBase64: z.string().max(maxOpenedFileBase64Length),
  }),
});

export const openDataFolder = defineCall({
  method: 'openDataFolder',
  input: z.undefined(),
  output: z.object({ opened: z.boolean(), folder: z.string() }),
});
