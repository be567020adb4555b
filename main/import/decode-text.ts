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

/** How many bytes a UTF-8 sequence led by this byte takes, or 0 when it cannot lead one. */
const sequenceLength = (lead: number): number => {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
};

const isContinuation = (byte: number | undefined): boolean => byte !== undefined && (byte & 0xc0) === 0x80;

/**
 * The evidence for UTF-8 in bytes that are not all valid UTF-8: how many well-formed multibyte sequences
 * (é is C3 A9) against how many bytes fit none. (Overlong and surrogate forms count as well-formed here;
 * the decoder still replaces them, and the cells holding them are flagged.)
 */
const utf8Evidence = (bytes: Uint8Array): { readonly sequences: number; readonly strays: number } => {
  let sequences = 0;
  let strays = 0;
  for (let index = 0; index < bytes.length;) {
    const lead = bytes[index] ?? 0;
    if (lead < 0x80) {
      index++;
      continue;
    }
    const length = sequenceLength(lead);
    let isWellFormed = length > 0;
    for (let offset = 1; offset < length && isWellFormed; offset++) {
      isWellFormed = isContinuation(bytes[index + offset]);
    }
    if (isWellFormed) {
      sequences++;
      index += length;
    } else {
      strays++;
      index++;
    }
  }
  return { sequences, strays };
};

/**
 * Bytes of a text export → text, naming the encoding it was read as. Windows-1252 is what Excel on
 * Windows writes for "CSV" (é, Ç, €, smart quotes), and every byte sequence is valid in it, so it is
 * chosen on evidence: bytes that fail as UTF-8 are read as Windows-1252 only when their high bytes
 * mostly form no UTF-8 sequence (a Windows-1252 "é" is one byte before a plain letter). A file that is
 * UTF-8 apart from a few bad bytes stays UTF-8, the bad bytes becoming U+FFFD for the import to flag:
 * re-reading all of it as Windows-1252 would turn every "José" into "JosÃ©" without a word.
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
    const { sequences, strays } = utf8Evidence(bytes);
    return sequences >= strays
      ? { text: decode('utf-8', bytes), encoding: 'utf-8' }
      : { text: decode('windows-1252', bytes), encoding: 'windows-1252' };
  }
};
