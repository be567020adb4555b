import { constants, deflateRawSync } from 'node:zlib';
import { honestPart, zipArchive, type ArchivePart } from '../fixtures/import/zip-archive.ts';

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
  return zipArchive([
    ...workbookParts(),
    { name: 'xl/worksheets/sheet1.xml', deflated, declaredSize, crc: 0 },
  ]);
};
