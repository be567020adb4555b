export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncodingName;
}

/** How many leading bytes the UTF-16 guess looks at: enough for a header row and a few records. */
const sniffLength = 4096;

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  prefix.every((byte, index) => bytes[index] === byte);

/**
 * UTF-16 saved without a BOM still shows itself: text that is mostly ASCII has a NUL as the high byte of
 * almost every code unit, on the odd positions for little-endian and the even ones for big-endian.
 */
const guessUtf16 = (bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined => {
  const length = Math.min(bytes.length, sniffLength) & ~1;
  if (length < 2) return undefined;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let index = 0; index < length; index += 2) {
    if (bytes[index] === 0) evenNuls++;
    if (bytes[index + 1] === 0) oddNuls++;
  }
  const units = length / 2;
  if (oddNuls >= units * 0.3 && evenNuls <= units * 0.05) return 'utf-16le';
  if (evenNuls >= units * 0.3 && oddNuls <= units * 0.05) return 'utf-16be';
  return undefined;
};

const decode = (label: string, bytes: Uint8Array, fatal = false): string =>
  // ignoreBOM keeps the decoder from silently eating a BOM we did not already strip.
  new TextDecoder(label, { fatal, ignoreBOM: true }).decode(bytes);

/**
 * Bytes of a text export → text, naming the encoding it was read as. Windows-1252 is the last resort
 * because every byte sequence is valid in it: that is what Excel on Windows writes for "CSV" (é, Ç, €,
 * smart quotes), and UTF-8 is checked strictly first so a real UTF-8 file is never misread as it.
 */
export const decodeText = (bytes: Uint8Array): DecodedText => {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf]))
    return { text: decode('utf-8', bytes.subarray(3)), encoding: 'utf-8-bom' };
  if (startsWith(bytes, [0xff, 0xfe]))
    return { text: decode('utf-16le', bytes.subarray(2)), encoding: 'utf-16le' };
  if (startsWith(bytes, [0xfe, 0xff]))
    return { text: decode('utf-16be', bytes.subarray(2)), encoding: 'utf-16be' };
  const utf16 = guessUtf16(bytes);
  if (utf16 !== undefined) return { text: decode(utf16, bytes), encoding: utf16 };
  try {
    return { text: decode('utf-8', bytes, true), encoding: 'utf-8' };
  } catch {
    return { text: decode('windows-1252', bytes), encoding: 'windows-1252' };
  }
};
