import { describe, expect, it } from 'vitest';
import { decodeText } from './decode-text.ts';
import { importFixture } from '../../test/fixtures/import/import-fixture.ts';

describe('decodeText', () => {
  it('strips a UTF-8 BOM and says it was there', () => {
    const { text, encoding } = decodeText(importFixture('utf8-bom.csv'));
    expect(encoding).toBe('utf-8-bom');
    expect(text).toBe(
      'First Name,Last Name,Email,Amount\r\nZoë,Ødegård,zoe@example.com,25\r\nJosé,Müller,jose@example.com,30\r\n',
    );
  });

  it('reads UTF-8 without a BOM', () => {
    const { text, encoding } = decodeText(importFixture('utf8-no-bom.csv'));
    expect(encoding).toBe('utf-8');
    expect(text).toBe(
      'name,email,amount\nFrançois Dupont,francois@example.com,50\n李雷,lilei@example.com,20\n',
    );
  });

  it('falls back to Windows-1252 for what Excel on Windows writes, smart quotes and euro included', () => {
    const { text, encoding } = decodeText(importFixture('windows-1252.csv'));
    expect(encoding).toBe('windows-1252');
    expect(text).toBe(
      'First Name,Last Name,Email,Amount,Message\r\n' +
        'François,Lefèvre,francois@example.com,25,\u201cMerci!\u201d € bonus\r\n' +
        'Renée,Çelik,renee@example.com,30,Café on us\r\n',
    );
  });

  it('reads UTF-16LE with a BOM', () => {
    const { text, encoding } = decodeText(importFixture('utf16le-bom.txt'));
    expect(encoding).toBe('utf-16le');
    expect(text).toBe(
      'Name\tEmail\tAmount\r\nZoë Ødegård\tzoe@example.com\t€25\r\nŁukasz Żak\tlukasz@example.com\t30\r\n',
    );
  });

  it('reads UTF-16BE with a BOM', () => {
    const bytes = new Uint8Array([0xfe, 0xff, 0x00, 0x41, 0x00, 0xe9, 0x20, 0xac]);
    expect(decodeText(bytes)).toEqual({ text: 'Aé€', encoding: 'utf-16be' });
  });

  it('recognises UTF-16 without a BOM by where the NUL bytes fall', () => {
    const text = 'Name,Email\nRenée,renee@example.com\n';
    const littleEndian = new Uint8Array(Buffer.from(text, 'utf16le'));
    const bigEndian = new Uint8Array(littleEndian.length);
    for (let index = 0; index < littleEndian.length; index += 2) {
      bigEndian[index] = littleEndian[index + 1] ?? 0;
      bigEndian[index + 1] = littleEndian[index] ?? 0;
    }
    expect(decodeText(littleEndian)).toEqual({ text, encoding: 'utf-16le' });
    expect(decodeText(bigEndian)).toEqual({ text, encoding: 'utf-16be' });
  });

  it('keeps a BOM-less file that is valid UTF-8 as UTF-8 even when every byte is ASCII', () => {
    expect(decodeText(new TextEncoder().encode('a,b\n1,2\n'))).toEqual({
      text: 'a,b\n1,2\n',
      encoding: 'utf-8',
    });
  });

  it('keeps UTF-8 with one bad byte as UTF-8, the bad byte becoming U+FFFD', () => {
    const good = new TextEncoder().encode('name\nJosé Núñez\nZoë ');
    const bytes = new Uint8Array([...good, 0xff, ...new TextEncoder().encode('Ødegård\n')]);
    expect(decodeText(bytes)).toEqual({ text: 'name\nJosé Núñez\nZoë \uFFFDØdegård\n', encoding: 'utf-8' });
  });

  it('reads high bytes that form no UTF-8 sequence as Windows-1252, even beside a lone accidental pair', () => {
    // "Ã©" (C3 A9) happens to be UTF-8 for é; the three other high bytes are not UTF-8 at all.
    const bytes = new Uint8Array([
      0x4a, 0x6f, 0x73, 0xe9, 0x2c, 0x4e, 0xfa, 0xf1, 0x65, 0x7a, 0x2c, 0xc3, 0xa9,
    ]);
    expect(decodeText(bytes)).toEqual({ text: 'José,Núñez,Ã©', encoding: 'windows-1252' });
  });

  it('decodes nothing to nothing', () => {
    expect(decodeText(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
  });
});
