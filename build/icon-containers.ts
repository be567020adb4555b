/**
 * The two icon container formats, written by hand: both are a short header and a table around PNG images
 * (Windows Vista+ and macOS 10.7+ read PNG entries), which is less code than a dependency for it.
 */
export interface SizedPng {
  readonly size: number;
  readonly png: Buffer;
}

/** ICO: ICONDIR (6 bytes), one 16-byte ICONDIRENTRY per image, then the PNGs; 256 is written as 0. */
export const icoFile = (images: readonly SizedPng[]): Buffer => {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map(({ png }) => png)]);
};

/** The ICNS types that hold a PNG, with the pixel size each holds (the @2x ones are twice their points). */
export const icnsTypes = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
] as const;

/** ICNS: 'icns' and the file length, then per image its type, its length with the 8-byte header, the PNG. */
export const icnsFile = (pngOfSize: (size: number) => Buffer): Buffer => {
  const chunks = icnsTypes.map(([type, size]) => {
    const png = pngOfSize(size);
    const header = Buffer.alloc(8);
    header.write(type, 0, 'ascii');
    header.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([header, png]);
  });
  const body = Buffer.concat(chunks);
  const header = Buffer.alloc(8);
  header.write('icns', 0, 'ascii');
  header.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([header, body]);
};
