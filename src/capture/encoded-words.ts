import iconv from 'iconv-lite';

// RFC 2047 §2: =?charset[*lang]?B|Q?text?=
const WORD = /=\?([^?\s*]+)(?:\*[^?\s]*)?\?([bBqQ])\?([^?\s]*)\?=/g;
// §6.2: white space between two adjacent encoded words is not displayed.
const BETWEEN_WORDS = /(\?=)[ \t\r\n]+(?==\?)/g;

/** The value of one hex digit's char code, or -1. */
function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const lower = c | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
}

function decodeQ(text: string): Buffer {
  const bytes = Buffer.allocUnsafe(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const hi = c === 0x3d && i + 2 < text.length ? hexDigit(text.charCodeAt(i + 1)) : -1;
    const lo = hi >= 0 ? hexDigit(text.charCodeAt(i + 2)) : -1;
    if (c === 0x5f) bytes[n++] = 0x20;
    else if (lo >= 0) {
      bytes[n++] = hi * 16 + lo;
      i += 2;
    } else bytes[n++] = c & 0xff;
  }
  return bytes.subarray(0, n);
}

// UTF-8 is nearly every encoded word: Node decodes it natively, as iconv-lite would (BOM dropped).
const UTF8 = new Set(['utf-8', 'utf8']);
const known = new Map<string, boolean>();

function decodeBytes(bytes: Buffer, charset: string): string {
  if (!UTF8.has(charset)) return iconv.decode(bytes, charset);
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Decodes RFC 2047 encoded words in a header value; an unknown charset leaves the word as it was. */
export function decodeEncodedWords(value: string): string {
  if (!value.includes('=?')) return value;
  return value
    .replace(BETWEEN_WORDS, '$1')
    .replace(WORD, (word, charset: string, enc: string, text: string) => {
      const cs = charset.toLowerCase();
      let exists = known.get(cs);
      if (exists === undefined) {
        exists = iconv.encodingExists(cs);
        if (known.size < 100) known.set(cs, exists);
      }
      if (!exists) return word;
      const bytes = enc === 'b' || enc === 'B' ? Buffer.from(text, 'base64') : decodeQ(text);
      return decodeBytes(bytes, cs);
    });
}
