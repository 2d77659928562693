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

// Q-encoded words are decoded into one reused buffer (a new one per word was most of their cost);
// a word longer than it gets a buffer of its own, so one huge header does not stay in memory.
const scratch = Buffer.allocUnsafe(4096);

/** Decodes Q text into `bytes` (at least as long as the text); returns how many it wrote. */
function decodeQ(text: string, bytes: Buffer): number {
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
  return n;
}

/** Whether BETWEEN_WORDS can match: some "?=" followed by white space. */
function spaceAfterWord(value: string): boolean {
  for (let q = value.indexOf('?='); q >= 0; q = value.indexOf('?=', q + 1)) {
    const c = value.charCodeAt(q + 2);
    if (c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a) return true;
  }
  return false;
}

// UTF-8 is nearly every encoded word: Node decodes it natively, as iconv-lite would (BOM dropped).
const UTF8 = new Set(['utf-8', 'utf8']);
const known = new Map<string, boolean>();

/** The first `length` bytes of `bytes` as text in `charset`. */
function decodeBytes(bytes: Buffer, length: number, charset: string): string {
  if (!UTF8.has(charset)) return iconv.decode(bytes.subarray(0, length), charset);
  const text = bytes.toString('utf8', 0, length);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Decodes RFC 2047 encoded words in a header value; an unknown charset leaves the word as it was. */
export function decodeEncodedWords(value: string): string {
  if (!value.includes('=?')) return value;
  return (spaceAfterWord(value) ? value.replace(BETWEEN_WORDS, '$1') : value).replace(
    WORD,
    (word, charset: string, enc: string, text: string) => {
      const cs = charset.toLowerCase();
      let exists = known.get(cs);
      if (exists === undefined) {
        exists = iconv.encodingExists(cs);
        if (known.size < 100) known.set(cs, exists);
      }
      if (!exists) return word;
      if (enc === 'q' || enc === 'Q') {
        const into = text.length <= scratch.length ? scratch : Buffer.allocUnsafe(text.length);
        return decodeBytes(into, decodeQ(text, into), cs);
      }
      const bytes = Buffer.from(text, 'base64');
      return decodeBytes(bytes, bytes.length, cs);
    },
  );
}
