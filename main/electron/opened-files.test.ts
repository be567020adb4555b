import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempDir, type TempDir } from '../../test/support/temp-dir.ts';
import { createOpenFileQueue, filesToOpen, readOpenedFile } from './opened-files.ts';

describe('files handed to GiftBatch by a second launch', () => {
  it('are the spreadsheets on its command line, resolved against the folder it started in', () => {
    const argv = [
      '/opt/GiftBatch/giftbatch',
      '--no-sandbox',
      '--allow-file-access-from-files',
      'december.csv',
      '/home/ana/Bonus.XLSX',
      'notes.pdf',
      'staff.tsv',
    ];
    expect(filesToOpen(argv, '/home/ana/Downloads')).toEqual([
      path.resolve('/home/ana/Downloads/december.csv'),
      path.resolve('/home/ana/Bonus.XLSX'),
      path.resolve('/home/ana/Downloads/staff.tsv'),
    ]);
  });

  it('are none when it was started plainly, even in development with the app path', () => {
    expect(filesToOpen(['/usr/lib/electron/electron', 'out/main/index.js'], '/repo')).toEqual([]);
  });

  it('wait until the window has loaded, then arrive in order', () => {
    const delivered: string[] = [];
    const queue = createOpenFileQueue((file) => delivered.push(file));
    queue.add('/a.csv');
    queue.add('/b.xlsx');
    expect(delivered).toEqual([]);
    queue.windowReady();
    queue.add('/c.csv');
    expect(delivered).toEqual(['/a.csv', '/b.xlsx', '/c.csv']);
  });
});

describe('reading a file handed over', () => {
  let dir: TempDir;
  beforeEach(async () => {
    dir = await createTempDir();
  });
  afterEach(async () => {
    await dir.remove();
  });

  it('gives its name and bytes as base64, as the window would send a chosen file', async () => {
    const file = path.join(dir.path, 'staff.csv');
    await writeFile(file, 'email\nana@example.com\n');
    expect(await readOpenedFile(file)).toEqual({
      ok: true,
      fileName: 'staff.csv',
      contentBase64: Buffer.from('email\nana@example.com\n').toString('base64'),
    });
  });

  it('says why when the file is missing or a folder', async () => {
    expect(await readOpenedFile(path.join(dir.path, 'gone.csv'))).toEqual({
      ok: false,
      message: 'gone.csv could not be read (ENOENT).',
    });
    const folder = await readOpenedFile(dir.path);
    expect(folder.ok ? 'read' : folder.message).toMatch(/not a file/);
  });
});
