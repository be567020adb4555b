import path from 'node:path';

/** What read-excel-file leaves out: which sheets are hidden, and which cells show zero-padded numbers. */
export interface WorkbookLayout {
  /** Per sheet with a name, in workbook order, as read-excel-file lists them. */
  readonly hidden: readonly boolean[];
  /** The archive path of the sheet at this index ("xl/worksheets/sheet2.xml"), when the workbook says. */
  readonly sheetPart: (sheetIndex: number) => string | undefined;
  /** For the sheet at this index, the digits each zero-padded number cell shows, by cellKey. */
  readonly zeroPadding: (sheetIndex: number) => Promise<ReadonlyMap<number, number>>;
}

/** Reads one part of the archive, under the import's limits; undefined when absent or unreadable. */
export type PartReader = (name: string) => Promise<Uint8Array | undefined>;

/** The small parts readWorkbookLayout needs, to keep while the archive is first unpacked. */
export const isLayoutPart = (name: string): boolean =>
  name.endsWith('.rels') || name === 'xl/workbook.xml' || /styles\.xml$/i.test(name);

const maxColumns = 16_384;

/** 0-based row and column, as read-excel-file indexes a sheet's rows and their cells. */
export const cellKey = (row: number, column: number): number => row * maxColumns + column;

type Attributes = ReadonlyMap<string, string>;

/** Attributes by local name: "r:id" and "x:id" are both "id". Entities are not decoded: none is needed. */
const attributesOf = (text: string): Attributes =>
  new Map(
    Array.from(text.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g), (match) => [
      (match[1] ?? '').replace(/^[\w.-]+:/, ''),
      match[2] ?? match[3] ?? '',
    ]),
  );

/** Every start tag of an element, with or without a namespace prefix. */
const tagsOf = (xml: string, name: string): Attributes[] =>
  Array.from(xml.matchAll(new RegExp(`<(?:[\\w.-]+:)?${name}\\b([^>]*)>`, 'g')), (match) =>
    attributesOf(match[1] ?? ''),
  );

/** A custom number format of zeros only, optionally after a locale tag ("[$-409]00000"): its digits. */
const zeroPadDigits = (formatCode: string): number | undefined =>
  /^(?:\[\$-[0-9a-f]+\])?(0+)$/i.exec(formatCode)?.[1]?.length;

/** Cell style index → digits, for the styles whose number format pads with zeros. */
const zeroPadStyles = (stylesXml: string): Map<number, number> => {
  const digitsByFormat = new Map<string, number>();
  for (const format of tagsOf(stylesXml, 'numFmt')) {
    const digits = zeroPadDigits(format.get('formatCode') ?? '');
    if (digits !== undefined) digitsByFormat.set(format.get('numFmtId') ?? '', digits);
  }
  const styles = new Map<number, number>();
  if (digitsByFormat.size === 0) return styles;
  // Cells use the <xf> list of <cellXfs>; <cellStyleXfs> holds named styles, numbered apart.
  const cellXfs =
    /<(?:[\w.-]+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?cellXfs>/.exec(stylesXml)?.[1] ?? '';
  tagsOf(cellXfs, 'xf').forEach((xf, index) => {
    const digits = digitsByFormat.get(xf.get('numFmtId') ?? '');
    if (digits !== undefined) styles.set(index, digits);
  });
  return styles;
};

/** "AB12" → [11, 27]: 0-based row and column. */
const cellPosition = (reference: string): readonly [number, number] | undefined => {
  const match = /^([A-Z]+)(\d+)$/.exec(reference);
  if (match === null) return undefined;
  let column = 0;
  for (const letter of match[1] ?? '') column = column * 26 + letter.charCodeAt(0) - 64;
  return [Number(match[2]) - 1, column - 1];
};

/**
 * The number cells of one sheet's XML whose style pads with zeros. A cell's attributes are only parsed
 * when its style is one of those: a sheet can hold a million cells.
 */
const zeroPaddedCells = (sheetXml: string, styles: ReadonlyMap<number, number>): Map<number, number> => {
  const cells = new Map<number, number>();
  for (const match of sheetXml.matchAll(/<(?:[\w.-]+:)?c\b([^>]*)>/g)) {
    const text = match[1] ?? '';
    const style = /\ss\s*=\s*["'](\d+)["']/.exec(text)?.[1];
    const digits = style === undefined ? undefined : styles.get(Number(style));
    if (digits === undefined) continue;
    const cell = attributesOf(text);
    const position = cellPosition(cell.get('r') ?? '');
    if ((cell.get('t') ?? 'n') === 'n' && position !== undefined) cells.set(cellKey(...position), digits);
  }
  return cells;
};

/** A relationship target → its path in the archive; targets are relative to xl/ unless absolute. */
const partPath = (target: string): string =>
  target.startsWith('/') ? target.slice(1) : path.posix.normalize(path.posix.join('xl', target));

/**
 * The workbook's sheet visibility and zero-padded cells, read from its XML parts (`parts`, by path, as
 * kept by isLayoutPart). A sheet is read again only when the workbook has a zero-only number format at
 * all, so most imports never do. A part that is missing only means its layout is not applied:
 * read-excel-file has already said whether the workbook is readable.
 */
export const readWorkbookLayout = (
  parts: ReadonlyMap<string, Uint8Array>,
  readPart: PartReader,
): WorkbookLayout => {
  const read = (name: string): string => {
    const part = parts.get(name);
    return part === undefined ? '' : new TextDecoder().decode(part);
  };
  const relationships = tagsOf(read('xl/_rels/workbook.xml.rels'), 'Relationship');
  const targetOf = (id: string) => relationships.find((entry) => entry.get('Id') === id)?.get('Target');
  const stylesTarget = relationships.find((entry) => entry.get('Type')?.endsWith('/styles'))?.get('Target');
  const styles = zeroPadStyles(read(stylesTarget === undefined ? 'xl/styles.xml' : partPath(stylesTarget)));
  const sheets = tagsOf(read('xl/workbook.xml'), 'sheet').filter((sheet) => sheet.has('name'));
  const sheetPart = (sheetIndex: number): string | undefined => {
    const target = targetOf(sheets[sheetIndex]?.get('id') ?? '');
    return target === undefined ? undefined : partPath(target);
  };
  const none = new Map<number, number>();
  return {
    hidden: sheets.map((sheet) => (sheet.get('state') ?? 'visible') !== 'visible'),
    sheetPart,
    zeroPadding: async (sheetIndex) => {
      const part = sheetPart(sheetIndex);
      if (styles.size === 0 || part === undefined) return none;
      const xml = await readPart(part);
      return xml === undefined ? none : zeroPaddedCells(new TextDecoder().decode(xml), styles);
    },
  };
};
