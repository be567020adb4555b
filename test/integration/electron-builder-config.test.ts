import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';

const root = new URL('../../', import.meta.url).pathname;

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation", async () => {
    const config = await getConfig(root, 'electron-builder.yml', null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('packages only the build output, with the hardening fuses on', async () => {
    const config = await getConfig(root, 'electron-builder.yml', null);
    expect(config.files).toEqual([{ filter: ['out/**', 'package.json', '!**/*.map'] }]);
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
    });
  });

  it('names icons that exist', async () => {
    const config = await getConfig(root, 'electron-builder.yml', null);
    for (const icon of [config.mac?.icon, config.win?.icon, config.linux?.icon]) {
      expect(icon).toBeTypeOf('string');
      await expect(readFile(`${root}${String(icon)}`)).resolves.toBeInstanceOf(Buffer);
    }
  });
});
