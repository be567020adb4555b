import { Tokenizer, TokenizerMode, type Token, type TokenHandler } from 'parse5';
import { createSheetGrid, type GridSheet, type SheetGrid } from './sheet-grid.ts';

/** Elements whose content is no cell text, and the tokenizer state that reads them as browsers do. */
const rawTextModes: Readonly<Record<string, (typeof TokenizerMode)[keyof typeof TokenizerMode]>> = {
  script: TokenizerMode.SCRIPT_DATA,
  style: TokenizerMode.RAWTEXT,
  xmp: TokenizerMode.RAWTEXT,
  iframe: TokenizerMode.RAWTEXT,
  noembed: TokenizerMode.RAWTEXT,
  noframes: TokenizerMode.RAWTEXT,
  title: TokenizerMode.RCDATA,
  textarea: TokenizerMode.RCDATA,
};

/** Elements that start a new line of text inside a cell, as a browser lays them out. */
const blockElements = new Set(['p', 'div', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table']);

const spanOf = (token: Token.TagToken, name: string): number => {
  const value = Number(token.attrs.find((attribute) => attribute.name === name)?.value ?? '1');
  // Browsers cap colspan at 1,000 and rowspan at 65,534.
  return Number.isInteger(value) && value > 0 ? Math.min(value, name === 'colspan' ? 1000 : 65_534) : 1;
};

const sliceLength = 1024 * 1024;

const nextTurn = (): Promise<void> =>
  new Promise((resolve) => {
    setImmediate(resolve);
  });

/** A cell's text as a browser shows it: runs of white space as one space, lines trimmed. */
const shownText = (lines: readonly string[]): string =>
  lines
    .map((line) => line.replace(/[ \t\n\f\r\u00a0]+/g, ' ').trim())
    .join('\n')
    .trim();

interface OpenCell {
  readonly lines: string[];
  readonly colspan: number;
  readonly rowspan: number;
}

/**
 * The tables of an HTML page (what HR and payroll systems save as ".xls"), read with parse5's
 * tokenizer, the WHATWG one browsers follow, so character references, unclosed cells and rows, and
 * script and style contents read as a browser reads them. Only the tokens are looked at and only the
 * tables' text is kept, so memory follows the table, not the page. Each top-level table is a sheet;
 * a cell spanning rows or columns fills its first cell and leaves the others empty, as Excel does when
 * it opens such a page. A table inside a cell is that cell's text.
 */
export const readHtmlTables = async (
  text: string,
): Promise<{ readonly sheets: GridSheet[]; readonly refusal?: string }> => {
  const sheets: GridSheet[] = [];
  let grid: SheetGrid | undefined;
  let depth = 0;
  let isInRow = false;
  let cell: OpenCell | undefined;
  let skipping: string | undefined;
  /** Columns taken by a cell spanning rows, with how many rows it still takes, this one included. */
  let spanned = new Map<number, number>();
  let column = 0;
  let refusal: string | undefined;

  const endCell = (): void => {
    if (cell === undefined || grid === undefined) return;
    while ((spanned.get(column) ?? 0) > 0) column++;
    grid.cell(shownText(cell.lines), { at: column });
    for (let offset = 0; offset < cell.colspan; offset++) {
      if (cell.rowspan > 1) spanned.set(column + offset, cell.rowspan);
    }
    column += cell.colspan;
    cell = undefined;
  };
  const endRow = (): void => {
    endCell();
    if (!isInRow || grid === undefined) return;
    grid.endRow();
    isInRow = false;
    const next = new Map<number, number>();
    for (const [at, rows] of spanned) if (rows > 1) next.set(at, rows - 1);
    spanned = next;
  };
  const startRow = (): void => {
    endRow();
    grid?.startRow();
    isInRow = true;
    column = 0;
  };
  const endTable = (): void => {
    endRow();
    if (grid === undefined) return;
    refusal ??= grid.refusal();
    sheets.push(grid.finish(`Table ${String(sheets.length + 1)}`, false));
    grid = undefined;
    spanned = new Map();
  };
  const newLine = (): void => {
    if (cell !== undefined && (cell.lines.at(-1) ?? '').trim() !== '') cell.lines.push('');
  };

  const handler: TokenHandler = {
    onStartTag: (token) => {
      const { tagName } = token;
      const mode = rawTextModes[tagName];
      if (mode !== undefined && !token.selfClosing) {
        tokenizer.state = mode;
        tokenizer.lastStartTagName = tagName;
        skipping = tagName;
        return;
      }
      if (tagName === 'table') {
        depth++;
        if (depth === 1) grid = createSheetGrid();
        else newLine();
      } else if (depth !== 1) {
        if (cell !== undefined && (tagName === 'br' || blockElements.has(tagName) || tagName === 'tr'))
          newLine();
      } else if (tagName === 'tr') startRow();
      else if (tagName === 'td' || tagName === 'th') {
        if (!isInRow) startRow();
        endCell();
        cell = { lines: [''], colspan: spanOf(token, 'colspan'), rowspan: spanOf(token, 'rowspan') };
      } else if (cell !== undefined && (tagName === 'br' || blockElements.has(tagName))) newLine();
    },
    onEndTag: (token) => {
      const { tagName } = token;
      if (skipping !== undefined) {
        if (tagName === skipping) skipping = undefined;
        return;
      }
      if (tagName === 'table' && depth > 0) {
        depth--;
        if (depth === 0) endTable();
        else newLine();
      } else if (depth !== 1) {
        if (cell !== undefined && blockElements.has(tagName)) newLine();
      } else if (tagName === 'td' || tagName === 'th') endCell();
      else if (tagName === 'tr') endRow();
      else if (tagName === 'tbody' || tagName === 'thead' || tagName === 'tfoot') endRow();
      else if (cell !== undefined && blockElements.has(tagName)) newLine();
    },
    onCharacter: (token) => {
      if (skipping === undefined && cell !== undefined) {
        const last = cell.lines.length - 1;
        cell.lines[last] = (cell.lines[last] ?? '') + token.chars;
      }
    },
    onWhitespaceCharacter: (token) => {
      handler.onCharacter(token);
    },
    onNullCharacter: () => undefined,
    onComment: () => undefined,
    onDoctype: () => undefined,
    onEof: () => {
      while (depth > 0) {
        depth--;
        if (depth === 0) endTable();
      }
    },
  };
  const tokenizer = new Tokenizer({ sourceCodeLocationInfo: false }, handler);
  // In slices, with a turn of the event loop between them, so a big page does not freeze the main process.
  for (let at = 0; at < text.length && refusal === undefined; at += sliceLength) {
    tokenizer.write(text.slice(at, at + sliceLength), at + sliceLength >= text.length);
    await nextTurn();
  }
  return refusal === undefined ? { sheets } : { sheets, refusal };
};
