import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeEncodedWords } from './encoded-words';

/** The previous definition (a buffer per word, both replacements always run), the reference. */
function plainDecodeEncodedWords(value: string): string {
  if (!value.includes('=?')) return value;
  return value
    .replace(/(\?=)[ \t\r\n]+(?==\?)/g, '$1')
    .replace(
      /=\?([^?\s*]+)(?:\*[^?\s]*)?\?([bBqQ])\?([^?\s]*)\?=/g,
      (word, charset: string, enc: string, text: string) => {
        const cs = charset.toLowerCase();
        if (!iconv.encodingExists(cs)) return word;
        const bytes = enc === 'b' || enc === 'B' ? Buffer.from(text, 'base64') : plainDecodeQ(text);
        if (cs !== 'utf-8' && cs !== 'utf8') return iconv.decode(bytes, cs);
        const decoded = bytes.toString('utf8');
        return decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
      },
    );
}

function plainDecodeQ(text: string): Buffer {
  const hex = (c: number) =>
    /[0-9a-f]/i.test(String.fromCharCode(c)) ? Number.parseInt(String.fromCharCode(c), 16) : -1;
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const hi = c === 0x3d && i + 2 < text.length ? hex(text.charCodeAt(i + 1)) : -1;
    const lo = hi >= 0 ? hex(text.charCodeAt(i + 2)) : -1;
    if (c === 0x5f) bytes.push(0x20);
    else if (lo >= 0) {
      bytes.push(hi * 16 + lo);
      i += 2;
    } else bytes.push(c & 0xff);
  }
  return Buffer.from(bytes);
}

describe('decodeEncodedWords', () => {
  it('decodes as the previous definition did, words adjacent or not, short and longer than its buffer', () => {
    const piece = fc.constantFrom(
      '=?',
      '?=',
      '?',
      'UTF-8',
      'utf-8',
      'iso-8859-1',
      'x-unknown',
      '*en',
      '?Q?',
      '?q?',
      '?B?',
      '=C3=A9',
      '=EF=BB=BF',
      '=E2=80',
      '=3',
      '=',
      '_',
      'w4lsaXNl',
      '77u/',
      ' ',
      '\t',
      '\r\n',
      '\n',
      'Café',
      'a'.repeat(5000),
    );
    const qText = fc.constantFrom(
      '=C3=A9',
      '=EF=BB=BF',
      '=E2=80',
      '=3',
      '=',
      '_',
      'abc',
      '=e9',
      'a'.repeat(5000),
    );
    const word = fc
      .tuple(
        fc.constantFrom('UTF-8', 'utf-8', 'utf8', 'iso-8859-1', 'x-unknown', 'utf-8*en'),
        fc.constantFrom('Q', 'q', 'B', 'b'),
        fc.array(qText, { maxLength: 5 }),
        fc.constantFrom('w4lsaXNl', '77u/w6k=', 'a'.repeat(6000), '*'),
      )
      .map(([cs, enc, q, b]) => `=?${cs}?${enc}?${enc === 'Q' || enc === 'q' ? q.join('') : b}?=`);
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, word, word), { maxLength: 25 }), (pieces) => {
        const value = pieces.join('');
        expect(decodeEncodedWords(value)).toBe(plainDecodeEncodedWords(value));
      }),
      { numRuns: 10_000 },
    );
  });
});
