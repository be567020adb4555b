import { ok } from '../../../common/result.ts';
import type { CallHandlers } from '../call-handlers.ts';

/** Opens a folder in the system's file manager; resolves to an error message, empty when it opened. */
export type RevealFolder = (folder: string) => Promise<string>;

/** Where there is no file manager to ask (the browser bridge), the answer still names the folder. */
export const createDataFolderHandlers = (
  dataDir: string,
  revealFolder: RevealFolder | undefined,
): Pick<CallHandlers, 'app:open-data-folder'> => ({
  'app:open-data-folder': async () => {
    const problem = revealFolder === undefined ? 'unavailable' : await revealFolder(dataDir);
    return ok({ opened: problem === '', folder: dataDir });
  },
});
