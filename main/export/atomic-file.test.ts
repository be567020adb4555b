import { createHash } from 'node:crypto';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempDir, type TempDir } from '../../test/support/temp-dir.ts';
import { writeFileAtomically } from './atomic-file.ts';

let dir: TempDir;
beforeEach(async () => {
  dir = await createTempDir('giftbatch-atomic-file-');
});
afterEach(async () => {
  await dir.remove();
});

const modeOf = async (file: string): Promise<number> => (await stat(file)).mode & 0o777;

describe('writeFileAtomically', () => {
  it('hashes exactly the bytes it wrote', async () => {
    const target = path.join(dir.path, 'out.csv');
    const { file } = await writeFileAtomically(target, 0o644, async (sink) => {
      await sink.write('\uFEFFnäme\r\n');
      await sink.write('Zoë\r\n');
    });
    const bytes = await readFile(target);
    expect(file).toEqual({
      path: target,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.length,
    });
    expect(bytes.toString('utf8')).toBe('\uFEFFnäme\r\nZoë\r\n');
  });

  it('creates the file with its mode from the first byte, in the target folder, under another name', async () => {
    const target = path.join(dir.path, 'links.csv');
    const seenWhileWriting: { name: string; mode: number }[] = [];
    await writeFileAtomically(target, 0o600, async (sink) => {
      await sink.write('secret');
      for (const name of await readdir(dir.path)) {
        seenWhileWriting.push({ name, mode: await modeOf(path.join(dir.path, name)) });
      }
    });
    expect(seenWhileWriting).toHaveLength(1);
    expect(seenWhileWriting[0]?.name).toMatch(/^\.links\.csv\.[0-9a-f]{12}\.tmp$/);
    expect(seenWhileWriting[0]?.mode).toBe(0o600);
    expect(await modeOf(target)).toBe(0o600);
    expect(await readdir(dir.path)).toEqual(['links.csv']);
  });

  it('leaves the old file as it was and no temporary file when writing fails', async () => {
    const target = path.join(dir.path, 'audit.csv');
    await writeFile(target, 'the old export');
    const failing = writeFileAtomically(target, 0o644, async (sink) => {
      await sink.write('half of the new');
      throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    });
    await expect(failing).rejects.toThrow('no space left on device');
    expect(await readFile(target, 'utf8')).toBe('the old export');
    expect(await readdir(dir.path)).toEqual(['audit.csv']);
  });
});
