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
