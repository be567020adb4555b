import { constants, crc32, deflateRawSync } from 'node:zlib';

/** One part of a hand-built archive: its deflated bytes and the sizes its headers claim. */
interface ArchivePart {
  readonly name: string;
  readonly deflated: Uint8Array;
  readonly declaredSize: number;
  readonly crc: number;
}

const honestPart = (name: string, text: string): ArchivePart => {
  const raw = Buffer.from(text, 'utf8');
  return { name, deflated: deflateRawSync(raw), declaredSize: raw.length, crc: crc32(raw) };
};

/** The empty last block that ends a deflate stream: BFINAL=1, fixed codes, end-of-block. */
const lastBlock = Uint8Array.of(0x03, 0x00);

/**
 * A deflate stream of `copies` × `chunk` built without ever holding the unpacked text: the chunk is
 * compressed once with a full flush (byte-aligned, no back-references across it), and full-flushed
 * segments may follow one another, so repeating the segment repeats the text.
 */
const repeatedDeflate = (chunk: string, copies: number): Uint8Array => {
  const segment = deflateRawSync(Buffer.from(chunk, 'utf8'), { finishFlush: constants.Z_FULL_FLUSH });
  const stream = new Uint8Array(segment.length * copies + lastBlock.length);
  for (let copy = 0; copy < copies; copy++) stream.set(segment, copy * segment.length);
  stream.set(lastBlock, segment.length * copies);
  return stream;
};

/** A ZIP of deflated entries, local headers and central directory both claiming `declaredSize`. */
const zip = (parts: readonly ArchivePart[]): Uint8Array => {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(part.crc >>> 0, 14);
    local.writeUInt32LE(part.deflated.length, 18);
    local.writeUInt32LE(part.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    local.copy(central, 10, 8, 30);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(part.deflated));
    directory.push(central, name);
    offset += local.length + name.length + part.deflated.length;
  }
  const directorySize = directory.reduce((total, entry) => total + entry.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, ...directory, end]));
};

const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const relationships = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const packageRelationships = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** The parts every workbook has, around one sheet. */
const workbookParts = (): ArchivePart[] => [
  honestPart(
    '[Content_Types].xml',
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/></Types>',
  ),
  honestPart(
    '_rels/.rels',
    `<Relationships xmlns="${packageRelationships}"><Relationship Id="rId1" Type="${relationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  ),
  honestPart(
    'xl/workbook.xml',
    `<workbook xmlns="${main}" xmlns:r="${relationships}"><sheets><sheet name="Recipients" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  ),
  honestPart(
    'xl/_rels/workbook.xml.rels',
    `<Relationships xmlns="${packageRelationships}"><Relationship Id="rId1" Type="${relationships}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
  ),
];

const mebibyte = 1024 * 1024;
const rowXml = '<row><c t="inlineStr"><is><t>Ana</t></is></c></row>';
const rowsChunk = rowXml.repeat(Math.ceil(mebibyte / rowXml.length)).slice(0, mebibyte);

/**
 * An .xlsx whose one sheet unpacks to `megabytes` MiB of repeated rows. `declaredSize` is what its
 * headers claim the sheet unpacks to: a bomb lies (a few KB), so only counting while unpacking stops it.
 */
export const workbookWithHugeSheet = (megabytes: number, declaredSize: number): Uint8Array => {
  const deflated = repeatedDeflate(rowsChunk, megabytes);
  return zip([...workbookParts(), { name: 'xl/worksheets/sheet1.xml', deflated, declaredSize, crc: 0 }]);
};
