import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { icnsTypes } from '../../build/icon-containers.ts';

const root = path.join(import.meta.dirname, '../..');
type Config = Awaited<ReturnType<typeof getConfig>>;
let config: Config;

beforeAll(async () => {
  config = await getConfig(root, 'electron-builder.yml', null);
});

const pngSize = (png: Buffer): { width: number; height: number } => {
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
};
const targetNames = (targets: unknown): string[] =>
  (Array.isArray(targets) ? targets : []).map((target: string | { target: string }) =>
    typeof target === 'string' ? target : target.target,
  );

describe('electron-builder.yml', () => {
  // Compiling electron-builder's whole JSON schema is CPU-bound: 9–10 s measured at a load of 20 on 2 cores.
  it("passes electron-builder's own schema validation", { timeout: 30_000 }, async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('packages only the build output, with the hardening fuses on and better-sqlite3 unpacked', () => {
    expect(config.appId).toBe('app.giftbatch.desktop');
    expect(config.productName).toBe('GiftBatch');
    expect(config.files).toEqual([{ filter: ['out/**', 'package.json', '!**/*.map'] }]);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['**/node_modules/better-sqlite3/**']);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
    });
  });

  it('builds NSIS for Windows, dmg and zip with the hardened runtime for macOS, AppImage and deb for Linux', () => {
    expect(targetNames(config.win?.target)).toEqual(['nsis']);
    expect(targetNames(config.mac?.target)).toEqual(['dmg', 'zip']);
    expect(targetNames(config.linux?.target)).toEqual(['AppImage', 'deb']);
    expect(config.mac?.hardenedRuntime).toBe(true);
  });

  it('names every artifact with the version and the architecture', () => {
    for (const name of [config.artifactName, config.dmg?.artifactName, config.nsis?.artifactName]) {
      expect(name).toContain('${version}');
      expect(name).toContain('${arch}');
    }
  });

  it('names files that all exist', async () => {
    const named = [
      config.mac?.icon,
      config.mac?.entitlements,
      config.mac?.entitlementsInherit,
      config.win?.icon,
      config.nsis?.installerIcon,
      config.nsis?.uninstallerIcon,
      config.linux?.icon,
      ...(Array.isArray(config.extraResources)
        ? config.extraResources.map((resource) => (typeof resource === 'string' ? resource : resource.from))
        : []),
    ];
    for (const file of named) {
      expect(file, 'a file the config names').toBeTypeOf('string');
      await expect(
        readFile(path.join(root, String(file))).catch((error: unknown) => error),
      ).resolves.not.toHaveProperty('code', 'ENOENT');
    }
  });

  it('has entitlements that allow the JIT and nothing it does not need', async () => {
    const plist = await readFile(path.join(root, String(config.mac?.entitlements)), 'utf8');
    expect([...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((match) => match[1])).toEqual([
      'com.apple.security.cs.allow-jit',
    ]);
  });

  it('has Linux icons at every size, each as large as its name says', async () => {
    const folder = path.join(root, String(config.linux?.icon));
    const files = (await readdir(folder)).sort((a, b) => parseInt(a, 10) - parseInt(b, 10));
    expect(files).toEqual([
      '16x16.png',
      '24x24.png',
      '32x32.png',
      '48x48.png',
      '64x64.png',
      '128x128.png',
      '256x256.png',
      '512x512.png',
      '1024x1024.png',
    ]);
    for (const file of files) {
      const size = parseInt(file, 10);
      expect(pngSize(await readFile(path.join(folder, file)))).toEqual({ width: size, height: size });
    }
  });

  it('has a Windows .ico with PNGs from 16 to 256 px', async () => {
    const ico = await readFile(path.join(root, String(config.win?.icon)));
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const sizes = Array.from({ length: count }, (_, index) => {
      const entry = 6 + index * 16;
      const image = ico.subarray(
        ico.readUInt32LE(entry + 12),
        ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8),
      );
      const { width } = pngSize(image);
      expect(ico.readUInt8(entry) === 0 ? 256 : ico.readUInt8(entry)).toBe(width);
      return width;
    });
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });

  it('has a macOS .icns with every PNG type up to 1024 px', async () => {
    const icns = await readFile(path.join(root, String(config.mac?.icon)));
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const found: [string, number][] = [];
    for (let offset = 8; offset < icns.length; offset += icns.readUInt32BE(offset + 4)) {
      const image = icns.subarray(offset + 8, offset + icns.readUInt32BE(offset + 4));
      found.push([icns.subarray(offset, offset + 4).toString('ascii'), pngSize(image).width]);
    }
    expect(found).toEqual(icnsTypes.map(([type, size]) => [type, size]));
  });
});
