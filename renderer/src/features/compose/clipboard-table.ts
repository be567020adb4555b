import Papa from 'papaparse';
import type { RecipientField } from '../../../../common/recipients/fields.ts';
import type { CellChange } from '../../state/draft-store.ts';
import type { GridRow } from '../../state/draft-history.ts';

/**
 * Excel and Google Sheets put a copied range on the clipboard as tab-separated text, quoting cells
 * that hold tabs, quotes or newlines; papaparse reads that exactly.
 */
export const parseClipboardTable = (text: string): string[][] => {
  const parsed = Papa.parse<string[]>(text.replace(/\r?\n$/, ''), { delimiter: '\t', skipEmptyLines: false });
  return parsed.data;
};

export const toClipboardTable = (table: readonly (readonly string[])[]): string =>
  Papa.unparse(table as string[][], { delimiter: '\t', newline: '\r\n' });

export interface PasteTarget {
  readonly rows: readonly GridRow[];
  readonly fields: readonly RecipientField[];
  readonly rowIndex: number;
  readonly fieldIndex: number;
}

export type PastePlan =
  | {
      readonly kind: 'paste';
      readonly edits: CellChange[];
      readonly newRows: Partial<Record<RecipientField, string>>[];
    }
  /** Wider than the columns from the active cell rightwards: nothing is pasted rather than cut off. */
  | { readonly kind: 'too_wide'; readonly width: number; readonly room: number };

/**
 * Lays a pasted table onto the grid from the active cell, rightwards and downwards; rows past the last
 * row are returned as new rows to append. A table wider than the columns left is refused whole: the
 * grid cannot add columns, and cutting some off would lose values without a word.
 */
export const planPaste = (table: readonly (readonly string[])[], target: PasteTarget): PastePlan => {
  const width = Math.max(0, ...table.map((cells) => cells.length));
  const room = target.fields.length - target.fieldIndex;
  if (width > room) return { kind: 'too_wide', width, room };
  const edits: CellChange[] = [];
  const newRows: Partial<Record<RecipientField, string>>[] = [];
  table.forEach((cells, offset) => {
    const row = target.rows[target.rowIndex + offset];
    const values: Partial<Record<RecipientField, string>> = {};
    cells.forEach((value, column) => {
      const field = target.fields[target.fieldIndex + column];
      if (field === undefined) return;
      if (row === undefined) {
        if (value !== '') values[field] = value;
      } else {
        edits.push({ rowId: row.id, field, value });
      }
    });
    if (row === undefined) newRows.push(values);
  });
  return { kind: 'paste', edits, newRows };
};
