const megabyte = 1024 * 1024;

/**
 * The most one part of a workbook (a sheet's XML, the shared strings) may unpack to. Excel writes about
 * 45 bytes of XML per cell (`<c r="P199999" s="3" t="s"><v>123456</v></c>`), so 200,000 rows (a draft's
 * limit) of 16 columns is about 140 MB; anything bigger is not a recipient list, and the reader holds a
 * part whole in memory several times over.
 */
export const maxPartBytes = 150 * megabyte;

/** The most a whole workbook may unpack to: such a sheet, its shared strings and small parts besides. */
export const maxUnpackedBytes = 300 * megabyte;

/** A recipient workbook has a dozen parts; tens of thousands would only be an attack on the reader. */
export const maxArchiveEntries = 10_000;

export const megabytesOf = (bytes: number): string => String(Math.round(bytes / megabyte));

const splitAdvice =
  'Split the list into smaller workbooks (or save it as CSV) and import them one at a time.';

/** "A sheet" for a worksheet part, else the part's own name: what the person can look for. */
const describePart = (name: string): string =>
  /(?:^|\/)worksheets\/[^/]+\.xml$/i.test(name) ? `A sheet (${name})` : `The part "${name}"`;

export const partTooLargeMessage = (name: string): string =>
  `${describePart(name)} in this workbook unpacks to more than ${megabytesOf(maxPartBytes)} MB, the limit per ` +
  `sheet (room for 200,000 rows). ${splitAdvice}`;

export const workbookTooLargeMessage = (): string =>
  `This workbook unpacks to more than ${megabytesOf(maxUnpackedBytes)} MB, the limit for an import. ${splitAdvice}`;

export const tooManyEntriesMessage = (): string =>
  `This workbook holds more than ${maxArchiveEntries.toLocaleString('en-US')} parts; no recipient list needs ` +
  'that many. Open it in Excel and save it as .xlsx or CSV, then import again.';

export const unreadableWorkbookMessage =
  'This file is not a readable Excel workbook (.xlsx). Open it in Excel and save it as .xlsx or CSV, then import again.';

const endOfDirectorySignature = 0x06054b50;
const directoryEntrySignature = 0x02014b50;
/** The end record is 22 bytes and may be followed by a comment of up to 65,535. */
const endRecordSearch = 22 + 0xffff;

const readU16 = (bytes: Uint8Array, at: number): number => (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
const readU32 = (bytes: Uint8Array, at: number): number =>
  readU16(bytes, at) + readU16(bytes, at + 2) * 0x10000;

const findEndRecord = (bytes: Uint8Array): number | undefined => {
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - endRecordSearch); at--) {
    if (readU32(bytes, at) === endOfDirectorySignature) return at;
  }
  return undefined;
};

/**
 * What the archive's central directory declares: refused at once when it admits to too many parts or
 * to sizes over the limits. The directory is written by whoever made the file, so passing here proves
 * nothing; the running count while unpacking (scanArchive) is the real limit. A directory that cannot
 * be read is left for that pass to judge.
 */
export const checkDeclaredSizes = (bytes: Uint8Array): string | undefined => {
  const end = findEndRecord(bytes);
  if (end === undefined) return undefined;
  const entries = readU16(bytes, end + 10);
  if (entries > maxArchiveEntries) return tooManyEntriesMessage();
  let at = readU32(bytes, end + 16);
  let total = 0;
  for (let index = 0; index < entries && at + 46 <= bytes.length; index++) {
    if (readU32(bytes, at) !== directoryEntrySignature) return undefined;
    const size = readU32(bytes, at + 24);
    const nameLength = readU16(bytes, at + 28);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // 0xFFFFFFFF defers to a ZIP64 record: 4 GB or more, which no recipient list needs.
    if (size > maxPartBytes) return partTooLargeMessage(name);
    total += size;
    if (total > maxUnpackedBytes) return workbookTooLargeMessage();
    at += 46 + nameLength + readU16(bytes, at + 30) + readU16(bytes, at + 32);
  }
  return undefined;
};
