import { cellText, isoDateText } from './cell-text.ts';
import { createSheetGrid, type FaultKind, type GridSheet, type SheetGrid } from './sheet-grid.ts';
import type { XmlHandler, XmlStart } from './xml-events.ts';

/** A count attribute ("number-rows-repeated"), 1 when absent or not a positive whole number. */
const countOf = (element: XmlStart, name: string): number => {
  const value = Number(element.attributes.get(name) ?? '1');
  return Number.isInteger(value) && value > 0 ? value : 1;
};

interface OpenCell {
  readonly valueType: string;
  readonly value: string | undefined;
  readonly isError: boolean;
  readonly hasFormula: boolean;
  readonly repeat: number;
  paragraphs: number;
  text: string;
}

/**
 * A number as a General cell shows it, unless the sheet shows it zero-padded ("02134", a ZIP or an ID
 * formatted "00000"): then as shown, since those digits are what the person typed and checks.
 */
const numberText = (value: number, shown: string): string =>
  /^0\d+$/.test(shown) && Number(shown) === value ? shown : cellText(value);

const valueOf = (cell: OpenCell): { readonly text: string; readonly fault?: FaultKind } => {
  const shown = cell.text;
  if (cell.isError) return { text: shown, fault: { kind: 'error-value', error: shown.trim() } };
  switch (cell.valueType) {
    case 'float':
    case 'percentage':
    case 'currency': {
      const number = Number(cell.value);
      return { text: cell.value === undefined || Number.isNaN(number) ? shown : numberText(number, shown) };
    }
    case 'date':
      return { text: cell.value === undefined ? shown : isoDateText(cell.value) };
    case 'boolean':
      return { text: cell.value === undefined ? shown : cell.value === 'true' ? 'TRUE' : 'FALSE' };
    case '':
      return cell.hasFormula && shown === ''
        ? { text: '', fault: { kind: 'formula-without-value' } }
        : { text: shown };
    default:
      return { text: shown };
  }
};

/**
 * The sheets of an OpenDocument spreadsheet's content (content.xml of an .ods, or a whole flat .fods),
 * as XML events. A cell reads as its value: numbers as a General cell shows them, dates as ISO, strings
 * as written (paragraphs joined by line breaks); comments are left out. A formula that ended in an
 * error, or that has no saved result, is a fault. Sheets whose style hides them are marked hidden.
 */
export const createOpenDocumentHandler = (): XmlHandler & {
  readonly sheets: () => readonly GridSheet[];
  readonly refusal: () => string | undefined;
} => {
  const sheets: GridSheet[] = [];
  const hiddenStyles = new Set<string>();
  let styleName: string | undefined;
  let sheet: { readonly grid: SheetGrid; readonly name: string; readonly style: string } | undefined;
  let rowRepeat = 1;
  let cell: OpenCell | undefined;
  let paragraphDepth = 0;
  let skipDepth = 0;
  let refusal: string | undefined;

  const start = (element: XmlStart): void => {
    const { name, attributes } = element;
    if (skipDepth > 0 || name === 'annotation') {
      skipDepth++;
      return;
    }
    if (name === 'style') styleName = attributes.get('name');
    else if (name === 'table-properties' && attributes.get('display') === 'false' && styleName !== undefined)
      hiddenStyles.add(styleName);
    else if (name === 'table')
      sheet = {
        grid: createSheetGrid(),
        name: attributes.get('name') ?? `Sheet ${String(sheets.length + 1)}`,
        style: attributes.get('style-name') ?? '',
      };
    else if (name === 'table-row' && sheet !== undefined) {
      rowRepeat = countOf(element, 'number-rows-repeated');
      sheet.grid.startRow();
    } else if ((name === 'table-cell' || name === 'covered-table-cell') && sheet !== undefined) {
      const valueType = attributes.get('value-type') ?? '';
      cell = {
        valueType,
        value:
          attributes.get('value') ??
          attributes.get('date-value') ??
          attributes.get('boolean-value') ??
          attributes.get('time-value'),
        // LibreOffice marks an error result in its own namespace: calcext:value-type="error".
        isError: Object.entries(element.qualified).some(
          ([attribute, value]) => attribute.endsWith('value-type') && value === 'error',
        ),
        hasFormula: attributes.has('formula'),
        repeat: countOf(element, 'number-columns-repeated'),
        paragraphs: 0,
        text: '',
      };
    } else if (cell !== undefined) {
      if (name === 'p' || name === 'h') {
        if (paragraphDepth === 0 && cell.paragraphs > 0) cell.text += '\n';
        if (paragraphDepth === 0) cell.paragraphs++;
        paragraphDepth++;
      } else if (paragraphDepth > 0 && name === 's')
        cell.text += ' '.repeat(Math.min(countOf(element, 'c'), 1000));
      else if (paragraphDepth > 0 && name === 'tab') cell.text += '\t';
      else if (paragraphDepth > 0 && name === 'line-break') cell.text += '\n';
    }
  };

  const end = (name: string): void => {
    if (skipDepth > 0) {
      skipDepth--;
      return;
    }
    if (name === 'style') styleName = undefined;
    else if (name === 'table' && sheet !== undefined) {
      refusal ??= sheet.grid.refusal();
      sheets.push(sheet.grid.finish(sheet.name, hiddenStyles.has(sheet.style)));
      sheet = undefined;
    } else if (name === 'table-row' && sheet !== undefined) sheet.grid.endRow(rowRepeat);
    else if ((name === 'table-cell' || name === 'covered-table-cell') && cell !== undefined) {
      const { text, fault } = valueOf(cell);
      sheet?.grid.cell(text, { repeat: cell.repeat, ...(fault === undefined ? {} : { fault }) });
      cell = undefined;
      paragraphDepth = 0;
    } else if ((name === 'p' || name === 'h') && paragraphDepth > 0) paragraphDepth--;
  };

  return {
    start,
    end,
    text: (text) => {
      if (cell !== undefined && paragraphDepth > 0 && skipDepth === 0) cell.text += text;
    },
    sheets: () => sheets,
    refusal: () => refusal ?? sheet?.grid.refusal(),
  };
};
