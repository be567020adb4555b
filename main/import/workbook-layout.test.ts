import { describe, expect, it } from 'vitest';
import { makeXlsx } from '../../test/fixtures/import/make-xlsx.ts';
import { inspectArchive } from './read-xlsx.ts';
import { readArchivePart } from './scan-archive.ts';
import { cellKey, readWorkbookLayout, type WorkbookLayout } from './workbook-layout.ts';
import { importFixture } from '../../test/fixtures/import/import-fixture.ts';

const layoutOf = async (bytes: Uint8Array): Promise<WorkbookLayout> => {
  const archive = await inspectArchive(bytes);
  if (!archive.ok) throw new Error(archive.error);
  return readWorkbookLayout(archive.value.layoutParts, (name) => readArchivePart(bytes, name));
};

describe('readWorkbookLayout', () => {
  it('reads a workbook zipped by another tool: two visible sheets, nothing zero-padded', async () => {
    const layout = await layoutOf(importFixture('recipients.xlsx'));
    expect(layout.hidden).toEqual([false, false]);
    expect((await layout.zeroPadding(1)).size).toBe(0);
  });

  it('says which sheets are hidden and which number cells show zero-padded', async () => {
    const layout = await layoutOf(
      makeXlsx([
        { name: 'Lookup', hidden: true, rows: [['Product']] },
        {
          name: 'Recipients',
          rows: [
            ['Zip', 'ID', 'Amount'],
            [{ number: 2134, format: '00000' }, { number: 42, format: '0000000000' }, 25],
            [],
            [{ number: 501, format: '[$-409]00000' }, { number: 7, format: '0.00' }, 30],
          ],
        },
      ]),
    );
    expect(layout.hidden).toEqual([true, false]);
    expect([...(await layout.zeroPadding(1))]).toEqual([
      [cellKey(1, 0), 5],
      [cellKey(1, 1), 10],
      [cellKey(3, 0), 5],
    ]);
    expect((await layout.zeroPadding(0)).size).toBe(0);
  });

  it('reads nothing from an archive that is no workbook', async () => {
    const layout = await layoutOf(importFixture('not-a-workbook.zip'));
    expect(layout.hidden).toEqual([]);
    expect((await layout.zeroPadding(0)).size).toBe(0);
  });
});
