import { describe, expect, it } from 'vitest';
import { applyMapping } from '../../common/recipients/column-mapping.ts';
import { contextFor } from '../support/test-catalog.ts';
import { validateBatch } from '../../common/recipients/validate-batch.ts';
import { importFile } from '../../main/import/import-file.ts';

const context = contextFor('DigitalDelivery', { defaults: { product_id: 'NORTHWIND-COFFEE', amount: '25' } });

/** A text file imported, mapped as suggested and validated, as the app and the CLI do. */
const importAndValidate = async (bytes: Uint8Array) => {
  const imported = await importFile({ fileName: 'people.csv', bytes });
  if (!imported.ok) throw new Error(imported.error);
  const { rows } = applyMapping(imported.value, imported.value.suggestedMapping);
  return { table: imported.value, validation: validateBatch(rows, context) };
};

const utf8 = (text: string): number[] => [...new TextEncoder().encode(text)];

describe('hostile text files: nothing unreadable or invisible reaches the provider', () => {
  it('keeps "José Núñez" as written when another line has one bad byte, and refuses that cell', async () => {
    const bytes = new Uint8Array([
      ...utf8('First Name,Last Name,Email\nJosé,Núñez,jose@example.com\nAna,Sil'),
      0x9d,
      ...utf8('va,ana@example.com\n'),
    ]);
    const { table, validation } = await importAndValidate(bytes);
    expect(table.encoding).toBe('utf-8');
    expect(validation.rows[0]?.recipient).toMatchObject({ firstName: 'José', lastName: 'Núñez' });
    expect(validation.rows[1]?.recipient).toBeNull();
    expect(validation.rows[1]?.issues).toEqual([
      {
        field: 'last_name',
        severity: 'error',
        message:
          'Last name contains an unreadable character (shown as \uFFFD, where the file had bytes that were not ' +
          'text) (U+FFFD) at position 4; retype it.',
      },
    ]);
    expect(table.cellProblems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(
        /^Row 3, column B \("Last Name"\): "Sil\uFFFDva" has bytes that are not valid UTF-8/,
      ),
    ]);
  });

  it('still reads a real Windows-1252 file as Windows-1252', async () => {
    const bytes = new Uint8Array([
      ...utf8('First Name,Last Name,Email\nJos'),
      0xe9,
      ...utf8(',N'),
      0xfa,
      0xf1,
      ...utf8('ez,jose@example.com\n'),
    ]);
    const { table, validation } = await importAndValidate(bytes);
    expect(table.encoding).toBe('windows-1252');
    expect(validation.rows[0]?.recipient).toMatchObject({ firstName: 'José', lastName: 'Núñez' });
  });

  it('refuses a NUL past the first 8 KB, which the binary-file check does not look at', async () => {
    const filler = Array.from({ length: 300 }, (_, index) => `Ana,Silva,ana${String(index)}@example.com`);
    const text = `First Name,Last Name,Email\n${filler.join('\n')}\nBo,Ch\u0000en,bo@example.com\n`;
    expect(text.indexOf('\u0000')).toBeGreaterThan(8192);
    const { validation } = await importAndValidate(new TextEncoder().encode(text));
    const last = validation.rows.at(-1);
    expect(last?.recipient).toBeNull();
    expect(last?.issues).toEqual([
      {
        field: 'last_name',
        severity: 'error',
        message: 'Last name contains a NUL character (U+0000) at position 3; retype it.',
      },
    ]);
  });
});
