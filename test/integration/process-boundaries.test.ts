import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

/** Lints `source` as if it were the (existing) file at `filePath`, and returns the import-rule findings. */
const boundaryFindings = async (filePath: string, source: string): Promise<string[]> => {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, filePath) });
  return (result?.messages ?? [])
    .filter(
      (message) =>
        message.ruleId === 'no-restricted-imports' || message.ruleId === 'no-restricted-properties',
    )
    .map((message) => message.message);
};

// Type-aware lint builds a TypeScript program per call: seconds each on a busy 2-core machine.
describe('the process boundaries, as lint enforces them', { timeout: 30_000 }, () => {
  it.each([
    ['common/result.ts', "import { readFile } from 'node:fs';\nexport const x = readFile;\n"],
    ['common/result.ts', "import path from 'path';\nexport const x = path;\n"],
    ['common/result.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['common/result.ts', "import { useState } from 'react';\nexport const x = useState;\n"],
    [
      'common/result.ts',
      "import { createMainServices } from '../main/services.ts';\nexport const x = createMainServices;\n",
    ],
    [
      'renderer/src/screens.ts',
      "import { createMainServices } from '../../main/services.ts';\nexport const x = createMainServices;\n",
    ],
    [
      'renderer/src/screens.ts',
      "import { createGiftBatchApi } from '../../preload/create-api.ts';\nexport const x = createGiftBatchApi;\n",
    ],
    ['renderer/src/screens.ts', "import os from 'node:os';\nexport const x = os;\n"],
    ['renderer/src/screens.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"],
    ['renderer/src/screens.ts', 'export const x = window.giftbatch;\n'],
    ['main/services.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    [
      'main/ipc/dispatch-call.ts',
      "import { App } from '../../renderer/src/app.tsx';\nexport const x = App;\n",
    ],
    [
      'preload/create-api.ts',
      "import { createMainServices } from '../main/services.ts';\nexport const x = createMainServices;\n",
    ],
  ])('refuses, in %s: %s', async (filePath, source) => {
    expect(await boundaryFindings(filePath, source)).toHaveLength(1);
  });

  it.each([
    ['main/electron/window-options.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['main/services.ts', "import path from 'node:path';\nexport const x = path;\n"],
    ['preload/index.ts', "import { contextBridge } from 'electron';\nexport const x = contextBridge;\n"],
    ['renderer/src/bridge.ts', 'export const x = window.giftbatch;\n'],
    [
      'renderer/src/screens.ts',
      "import { callContract } from '../../common/contract/channels.ts';\nexport const x = callContract;\n",
    ],
  ])('allows, in %s: %s', async (filePath, source) => {
    expect(await boundaryFindings(filePath, source)).toEqual([]);
  });
});
