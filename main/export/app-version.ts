import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** The CLI's version for export manifests, from the package.json it runs from (the app asks Electron). */
export const cliAppVersion = (): string =>
  z
    .object({ version: z.string() })
    .parse(JSON.parse(readFileSync(path.join(import.meta.dirname, '../../package.json'), 'utf8'))).version;
