import { describe, expect, it } from 'vitest';
import { parseClipboardTable, planPaste, toClipboardTable } from './clipboard-table.ts';

describe('the clipboard as a table', () => {
  it('reads what Excel copies: tabs, CRLF, quoted cells with tabs and newlines, a trailing newline', () => {
    expect(parseClipboardTable('Ana\tLee\t02134\r\n"Multi\nline"\t"a\tb"\t+15551234567\r\n')).toEqual([
      ['Ana', 'Lee', '02134'],
      ['Multi\nline', 'a\tb', '+15551234567'],
    ]);
  });

  it('writes a table that reads back the same', () => {
    const table = [
      ['a', 'with\ttab'],
      ['quote "x"', 'new\nline'],
    ];
    expect(parseClipboardTable(toClipboardTable(table))).toEqual(table);
  });
});

describe('laying a pasted table onto the grid', () => {
  const rows = [
    { id: 'r1', values: {} },
    { id: 'r2', values: { email: 'old@x.org' } },
  ];

  it('fills rightwards and downwards from the active cell, and appends rows past the end', () => {
    const plan = planPaste(
      [
        ['Ana', 'ana@x.org'],
        ['Bo', 'bo@x.org'],
        ['Cy', ''],
      ],
      { rows, fields: ['first_name', 'email', 'sms'], rowIndex: 0, fieldIndex: 0 },
    );
    if (plan.kind !== 'paste') throw new Error('refused');
    expect(plan.edits).toEqual([
      { rowId: 'r1', field: 'first_name', value: 'Ana' },
      { rowId: 'r1', field: 'email', value: 'ana@x.org' },
      { rowId: 'r2', field: 'first_name', value: 'Bo' },
      { rowId: 'r2', field: 'email', value: 'bo@x.org' },
    ]);
    expect(plan.newRows).toEqual([{ first_name: 'Cy' }]);
  });

  it('refuses a table wider than the columns from the active cell rightwards, rather than cut it', () => {
    const target = { rows, fields: ['first_name', 'email'] as const, rowIndex: 1 };
    expect(planPaste([['x', 'y', 'z']], { ...target, fieldIndex: 1 })).toEqual({
      kind: 'too_wide',
      width: 3,
      room: 1,
    });
    expect(planPaste([['x'], ['y', 'z']], { ...target, fieldIndex: 0 })).toMatchObject({ kind: 'paste' });
  });
});
