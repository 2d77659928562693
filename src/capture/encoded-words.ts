import iconv from 'iconv-lite';

// RFC 2047 §2: =?charset[*lang]?B|Q?text?=
const WORD = /=\?([^?\s*]+)(?:\*[^?\s]*)?\?([bBqQ])\?([^?\s]*)\?=/g;
// §6.2: white space between two adjacent encoded words is not displayed.
const BETWEEN_WORDS = /(\?=)[ \t\r\n]+(?==\?)/g;

function decodeQ(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '_') bytes.push(0x20);
    else if (c === '=' && /^[0-9a-fA-F]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(c.charCodeAt(0) & 0xff);
  }
  return Buffer.from(bytes);
}

/** Decodes RFC 2047 encoded words in a header value; an unknown charset leaves the word as it was. */
export function decodeEncodedWords(value: string): string {
  if (!value.includes('=?')) return value;
  return value
    .replace(BETWEEN_WORDS, '$1')
    .replace(WORD, (word, charset: string, enc: string, text: string) => {
      const cs = charset.toLowerCase();
      if (!iconv.encodingExists(cs)) return word;
      const bytes = enc.toLowerCase() === 'b' ? Buffer.from(text, 'base64') : decodeQ(text);
      return iconv.decode(bytes, cs);
    });
}
