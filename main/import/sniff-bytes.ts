const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);

/** PK\x03\x04: a ZIP archive, which is what an .xlsx is. */
export const isZip = (bytes: Uint8Array): boolean => startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]);

/** The OLE compound-file header of a legacy .xls (and .doc) file. */
export const isLegacyOffice = (bytes: Uint8Array): boolean =>
  startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** How much decoded text the binary check reads: binary formats show themselves in their first bytes. */
const sampleLength = 8192;

/** C0 controls and DEL, except tab, line feed, form feed and carriage return. */
const isStrayControl = (code: number): boolean =>
  (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || code === 0x7f;

/**
 * Whether decoded "text" is really a binary file read as Windows-1252 (a PDF, an image, a zip with
 * another name): real exports have no NULs and almost no control characters besides tab and newlines.
 */
export const looksBinary = (text: string): boolean => {
  const sample = text.slice(0, sampleLength);
  if (sample.includes('\u0000')) return true;
  let controls = 0;
  for (let index = 0; index < sample.length; index++) {
    if (isStrayControl(sample.charCodeAt(index))) controls++;
  }
  return controls > Math.max(2, sample.length * 0.01);
};

/** The spreadsheet formats that are markup: what an export's first element says it is. */
export type MarkupFormat = 'html' | 'spreadsheetml' | 'fods';

/**
 * What kind of markup decoded text is, by its first element, or undefined for anything else (CSV
 * included). Many systems save an HTML table or Excel 2003 XML under an ".xls" name, and read as CSV
 * they become thousands of rows of tags, so the content decides, never the name.
 */
export const sniffMarkup = (text: string): MarkupFormat | undefined => {
  const head = text.slice(0, sampleLength).replace(/^\uFEFF/, '');
  // Past the XML declaration, processing instructions, comments and a doctype, to the first element.
  const opening =
    /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!doctype[^[>]*(?:\[[\s\S]*?\])?\s*>)*<([\w:.-]+)/i.exec(head);
  const element = opening?.[1]?.toLowerCase();
  if (element === undefined) return undefined;
  const local = element.slice(element.indexOf(':') + 1);
  if (local === 'workbook' || /progid\s*=\s*["']Excel\.Sheet["']/i.test(head)) return 'spreadsheetml';
  if (local === 'document' && /opendocument:xmlns:office/i.test(head)) return 'fods';
  const isHtml = /^(?:html|head|body|table|meta|title|style|link|div|p|h[1-6]|thead|tbody|tr)$/.test(element);
  return isHtml || /^<!doctype\s+html/i.test(head.trimStart()) ? 'html' : undefined;
};

const mimetypeEntry = new TextEncoder().encode('mimetype');

/**
 * The mimetype an OpenDocument file (a ZIP) declares in its first entry, stored uncompressed so that it
 * can be read right here ("application/vnd.oasis.opendocument.spreadsheet"), or undefined.
 */
export const openDocumentType = (bytes: Uint8Array): string | undefined => {
  if (!isZip(bytes) || !mimetypeEntry.every((byte, index) => bytes[30 + index] === byte)) return undefined;
  const nameLength = (bytes[26] ?? 0) | ((bytes[27] ?? 0) << 8);
  const extraLength = (bytes[28] ?? 0) | ((bytes[29] ?? 0) << 8);
  const size = (bytes[18] ?? 0) | ((bytes[19] ?? 0) << 8);
  const start = 30 + nameLength + extraLength;
  const type = new TextDecoder().decode(bytes.subarray(start, start + Math.min(size, 100)));
  return type.startsWith('application/vnd.oasis.opendocument.') ? type : undefined;
};
