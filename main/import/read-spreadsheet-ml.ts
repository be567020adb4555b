import { cellText, isoDateText } from './cell-text.ts';
import { createSheetGrid, type FaultKind, type GridSheet, type SheetGrid } from './sheet-grid.ts';
import type { XmlHandler, XmlStart } from './xml-events.ts';

/** A 1-based position attribute ("ss:Index") as 0-based, or undefined when absent or not one. */
const indexOf = (element: XmlStart): number | undefined => {
  const value = Number(element.attributes.get('Index'));
  return Number.isInteger(value) && value > 0 ? value - 1 : undefined;
};

interface OpenCell {
  readonly at: number | undefined;
  readonly span: number;
  readonly hasFormula: boolean;
  type: string | undefined;
  text: string;
}

const valueOf = (cell: OpenCell): { readonly text: string; readonly fault?: FaultKind } => {
  const { text } = cell;
  switch (cell.type) {
    case undefined:
      return cell.hasFormula ? { text: '', fault: { kind: 'formula-without-value' } } : { text: '' };
    case 'Number': {
      const number = Number(text);
      return { text: text.trim() === '' || Number.isNaN(number) ? text : cellText(number) };
    }
    case 'DateTime':
      return { text: isoDateText(text.trim()) };
    case 'Boolean':
      return { text: text.trim() === '1' ? 'TRUE' : text.trim() === '0' ? 'FALSE' : text };
    case 'Error':
      return { text, fault: { kind: 'error-value', error: text.trim() } };
    default:
      return { text };
  }
};

/**
 * The sheets of an Excel 2003 XML workbook (SpreadsheetML) as XML events: Worksheet › Table › Row ›
 * Cell › Data, rows and cells placed by their ss:Index when they skip ahead, merged cells (ss:MergeAcross)
 * taking their width. Numbers read as a General cell shows them, dates as ISO, rich text as its text;
 * comments are left out. A formula without a saved Data is a fault, as is an Error value.
 */
export const createSpreadsheetMlHandler = (): XmlHandler & {
  readonly sheets: () => readonly GridSheet[];
  readonly refusal: () => string | undefined;
} => {
  const sheets: GridSheet[] = [];
  let sheet: { readonly grid: SheetGrid; readonly name: string; hidden: boolean } | undefined;
  let cell: OpenCell | undefined;
  let isInData = false;
  let isInVisibility = false;
  let commentDepth = 0;
  let refusal: string | undefined;

  const start = (element: XmlStart): void => {
    const { name, attributes } = element;
    if (commentDepth > 0 || name === 'Comment') {
      commentDepth++;
      return;
    }
    if (name === 'Worksheet') {
      sheet = {
        grid: createSheetGrid(),
        name: attributes.get('Name') ?? `Sheet ${String(sheets.length + 1)}`,
        hidden: false,
      };
    } else if (sheet === undefined) return;
    else if (name === 'Row') sheet.grid.startRow(indexOf(element));
    else if (name === 'Cell') {
      const merged = Number(attributes.get('MergeAcross') ?? '0');
      cell = {
        at: indexOf(element),
        span: Number.isInteger(merged) && merged > 0 ? merged + 1 : 1,
        hasFormula: attributes.has('Formula'),
        type: undefined,
        text: '',
      };
    } else if (name === 'Data' && cell !== undefined) {
      cell.type = attributes.get('Type') ?? 'String';
      isInData = true;
    } else if (isInData && cell !== undefined && name === 'Br') cell.text += '\n';
    else if (name === 'Visible') isInVisibility = true;
  };

  const end = (name: string): void => {
    if (commentDepth > 0) {
      commentDepth--;
      return;
    }
    if (sheet === undefined) return;
    if (name === 'Worksheet') {
      refusal ??= sheet.grid.refusal();
      sheets.push(sheet.grid.finish(sheet.name, sheet.hidden));
      sheet = undefined;
    } else if (name === 'Row') sheet.grid.endRow();
    else if (name === 'Cell' && cell !== undefined) {
      const { text, fault } = valueOf(cell);
      sheet.grid.cell(text, {
        ...(cell.at === undefined ? {} : { at: cell.at }),
        ...(fault === undefined ? {} : { fault }),
      });
      // A merged cell's other columns are empty, as in the sheet.
      if (cell.span > 1) sheet.grid.cell('', { repeat: cell.span - 1 });
      cell = undefined;
    } else if (name === 'Data') isInData = false;
    else if (name === 'Visible') isInVisibility = false;
  };

  return {
    start,
    end,
    text: (text) => {
      if (commentDepth > 0) return;
      if (isInData && cell !== undefined) cell.text += text;
      else if (isInVisibility && sheet !== undefined && /^SheetVeryHidden$|^SheetHidden$/.test(text.trim()))
        sheet.hidden = true;
    },
    sheets: () => sheets,
    refusal: () => refusal ?? sheet?.grid.refusal(),
  };
};
