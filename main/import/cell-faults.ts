/**
 * A cell whose value the reader cannot give: a formula saved without its result (written by a tool
 * that does not calculate, or with calculation off), or a formula that ended in an error (#N/A, …).
 * read-excel-file reads both as empty, which would let a default amount stand in for it.
 */
export type CellFault =
  | { readonly kind: 'formula-without-value'; readonly cell: string }
  /** `error` as the cell shows it ("#N/A"); empty when the file did not say which error. */
  | { readonly kind: 'error-value'; readonly cell: string; readonly error: string };

export interface CellFaultScanner {
  /** The sheet's XML, in order, in chunks of any size. */
  readonly push: (text: string) => void;
  readonly faults: () => readonly CellFault[];
}

const cellTags = /<(\/?)(?:[\w.-]+:)?(c|f|v)(?=[\s/>])([^>]*)>/g;
/** Only a stretch of rows with a formula or an error cell is parsed tag by tag; most have none. */
const mayHoldFault = /<(?:[\w.-]+:)?f[\s/>]|\st\s*=\s*["']e["']/;
const closingRowStart = /^<\/(?:[\w.-]+:)?$/;

/** Just past the last `</row>` in the text, or -1: a search from the end, not a scan of every row. */
const afterLastRowEnd = (text: string): number => {
  for (let at = text.lastIndexOf('row>'); at !== -1; at = text.lastIndexOf('row>', at - 1)) {
    const open = text.lastIndexOf('<', at);
    if (open !== -1 && closingRowStart.test(text.slice(open, at))) return at + 'row>'.length;
  }
  return -1;
};

const attribute = (attributes: string, name: string): string | undefined =>
  new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes)?.slice(1).find(Boolean);

interface OpenCell {
  readonly cell: string;
  readonly isError: boolean;
  hasFormula: boolean;
  hasValue: boolean;
  isInValue: boolean;
  value: string;
}

const faultOf = (open: OpenCell): CellFault | undefined => {
  if (open.isError) return { kind: 'error-value', cell: open.cell, error: open.value.trim() };
  if (open.hasFormula && !open.hasValue) return { kind: 'formula-without-value', cell: open.cell };
  return undefined;
};

/** The faults in whole rows of XML: a cell never spans rows, so each stretch stands alone. */
const scanRows = (xml: string, faults: CellFault[]): void => {
  if (!mayHoldFault.test(xml)) return;
  let open: OpenCell | undefined;
  let textFrom = 0;
  for (const match of xml.matchAll(cellTags)) {
    const [tag, closing, name, attributes = ''] = match;
    if (open?.isInValue === true) open.value += xml.slice(textFrom, match.index);
    textFrom = match.index + tag.length;
    const isEmpty = attributes.endsWith('/');
    if (name === 'c') {
      if (closing === '/' && open !== undefined) {
        const fault = faultOf(open);
        if (fault !== undefined) faults.push(fault);
        open = undefined;
      } else if (closing === '' && !isEmpty) {
        const cell = attribute(attributes, 'r') ?? '';
        const isError = attribute(attributes, 't') === 'e';
        open = { cell, isError, hasFormula: false, hasValue: false, isInValue: false, value: '' };
      }
    } else if (open !== undefined && closing === '') {
      if (name === 'f') open.hasFormula = true;
      else {
        open.hasValue = true;
        open.isInValue = !isEmpty;
      }
    } else if (open !== undefined) {
      open.isInValue = false;
    }
  }
};

/**
 * Finds faulty cells in a sheet's XML as it streams past, a stretch of whole rows at a time, so the
 * sheet is never held whole. Rows without a formula or error cell cost one regular-expression test.
 */
export const createCellFaultScanner = (): CellFaultScanner => {
  const faults: CellFault[] = [];
  let pending: string[] = [];
  const push = (text: string): void => {
    const cut = afterLastRowEnd(text);
    if (cut === -1) {
      pending.push(text);
      return;
    }
    pending.push(text.slice(0, cut));
    scanRows(pending.join(''), faults);
    pending = [text.slice(cut)];
  };
  return {
    push,
    faults: () => {
      scanRows(pending.join(''), faults);
      pending = [];
      return faults;
    },
  };
};
