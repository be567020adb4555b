import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { maxImportBytes } from '../import/import-file.ts';

/** What GiftBatch imports; anything else on a command line (flags, the app's own path) is not a file to open. */
const importableExtensions = new Set(['.csv', '.tsv', '.txt', '.xlsx']);

export const isImportablePath = (candidate: string): boolean =>
  !candidate.startsWith('-') && importableExtensions.has(path.extname(candidate).toLowerCase());

/**
 * The spreadsheets named on a command line: a second launch passes its whole argv (the executable first,
 * then Chromium's and Electron's own switches) and the folder it was started in, against which a relative
 * path is read.
 */
export const filesToOpen = (argv: readonly string[], workingDirectory: string): string[] =>
  argv
    .slice(1)
    .filter(isImportablePath)
    .map((file) => path.resolve(workingDirectory, file));

export type OpenedFile =
  | { readonly ok: true; readonly fileName: string; readonly contentBase64: string }
  | { readonly ok: false; readonly message: string };

/** Reads a file the system handed over, refusing one over the importer's limit before reading it. */
export const readOpenedFile = async (filePath: string): Promise<OpenedFile> => {
  const fileName = path.basename(filePath);
  try {
    const info = await stat(filePath);
    if (!info.isFile()) return { ok: false, message: `${fileName} is not a file.` };
    if (info.size > maxImportBytes) {
      return {
        ok: false,
        message: `${fileName} is larger than ${String(maxImportBytes / 1024 / 1024)} MB, the most GiftBatch imports.`,
      };
    }
    return { ok: true, fileName, contentBase64: (await readFile(filePath)).toString('base64') };
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unknown';
    return { ok: false, message: `${fileName} could not be read (${code}).` };
  }
};

/**
 * Files asked for before the window can take them (macOS sends `open-file` before the app is ready, and a
 * first launch names its file on the command line) wait here until the page has loaded.
 */
export const createOpenFileQueue = (deliver: (filePath: string) => void) => {
  let ready = false;
  const waiting: string[] = [];
  return {
    add: (filePath: string): void => {
      if (ready) deliver(filePath);
      else waiting.push(filePath);
    },
    windowReady: (): void => {
      ready = true;
      for (const filePath of waiting.splice(0)) deliver(filePath);
    },
  };
};
