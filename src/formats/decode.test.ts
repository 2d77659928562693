import { describe, expect, it } from 'vitest';
import { collect, fixtureStream } from '../../test/fixtures/imports/fixture';
import { bytesSource, decodeLines, sniffEncoding, splitLines } from './decode';
import { ImportFileError } from './imported-contact';

const lines = (bytes: number[] | Uint8Array, chunk = 3) =>
  collect(decodeLines(bytesSource(Uint8Array.from(bytes), chunk)));
const utf8 = (s: string) => [...Buffer.from(s, 'utf8')];

describe('decodeLines', () => {
  it('strips a UTF-8 BOM and splits CRLF and LF lines', async () => {
    expect(await lines([0xef, 0xbb, 0xbf, ...utf8('a,b\r\nc\nd')])).toEqual(['a,b', 'c', 'd']);
  });

  it('keeps multi-byte characters whole across chunk boundaries', async () => {
    expect(await lines(utf8('Zoë 😀\r\nÇelik\r\n'), 1)).toEqual(['Zoë 😀', 'Çelik']);
  });

  it('falls back to Windows-1252 when the first 64 KB are not UTF-8', async () => {
    expect(await lines([0x52, 0x65, 0x6e, 0xe9, 0x65, 0x0a, 0x80])).toEqual(['Renée', '€']);
  });

  it('reads UTF-16 LE and BE with a BOM, and LE without one', async () => {
    const le = [0xff, 0xfe, ...Buffer.from('Å,b\r\nc', 'utf16le')];
    expect(await lines(le)).toEqual(['Å,b', 'c']);
    const be = [0xfe, 0xff, ...Buffer.from('Å,b\r\nc', 'utf16le').swap16()];
    expect(await lines(be)).toEqual(['Å,b', 'c']);
    expect(await lines([...Buffer.from('First Name,Last\r\nx', 'utf16le')])).toEqual([
      'First Name,Last',
      'x',
    ]);
  });

  it('rejects empty and binary files with a file-level error', async () => {
    await expect(collect(decodeLines(fixtureStream('empty.csv')))).rejects.toThrow(/empty/);
    await expect(collect(decodeLines(fixtureStream('binary.bin')))).rejects.toBeInstanceOf(ImportFileError);
    await expect(lines([0xef, 0xbb, 0xbf])).rejects.toThrow(/empty/);
    expect(() => sniffEncoding(Uint8Array.from([0x41, 0, 0x42, 0x43, 0x44, 0x45]))).toThrow(/binary/);
  });

  it('cuts an over-long line instead of holding it whole', async () => {
    async function* chunks() {
      for (let i = 0; i < 10; i++) yield 'x'.repeat(100);
      yield '\nnext';
    }
    const out = await collect(splitLines(chunks(), 250));
    expect(out.map((l) => l.length)).toEqual([250, 4]);
  });
});
