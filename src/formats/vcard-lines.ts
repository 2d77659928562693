import iconv from 'iconv-lite';

/** One vCard property: `item1.EMAIL;TYPE=work:ada@example.com`. Names and param names are upper-case. */
export interface ContentLine {
  line: number;
  group?: string;
  name: string;
  params: Map<string, string[]>;
  value: string;
}

/** A logical line longer than this is dropped (with a flag) so memory stays bounded; ~3 MB of photo. */
export const MAX_LOGICAL_LINE = 4 * 1024 * 1024;
const QP_PARAM = /(?:ENCODING=)?QUOTED-PRINTABLE/i;

/**
 * Joins folded lines (RFC 6350 §3.2: CRLF + one space/tab) and vCard 2.1 quoted-printable soft
 * breaks (a line ending in "="), yielding logical lines with the number of their first line.
 * Linear in the input: the pieces of a logical line are collected and joined once. Appending to one
 * string and testing `endsWith('=')` on it flattened the whole line on every continuation, so 100,000
 * folded lines took 31 s and a million blocked the server for minutes.
 */
export async function* unfold(
  lines: AsyncIterable<string>,
): AsyncGenerator<{ line: number; text: string; tooLong?: boolean }> {
  let parts: string[] | undefined;
  let length = 0;
  let last = ''; // the last physical piece, whose final character decides a QP soft break
  let qp: boolean | undefined; // whether the property is quoted-printable, once its colon is seen
  let pendingLine = 0;
  let tooLong = false;
  let lineNo = 0;
  // Blocks of 4,096 pieces joined as they fill, so the final join (and the event loop) never faces a
  // million pieces at once.
  let blocks: string[] = [];
  const collapse = () => {
    if (parts!.length >= 4096) {
      blocks.push(parts!.join(''));
      parts = [];
    }
  };
  const flush = () =>
    logical(
      pendingLine,
      tooLong ? (blocks[0] ?? parts![0]!).slice(0, 64) : blocks.join('') + parts!.join(''),
      tooLong,
    );
  for await (const raw of lines) {
    lineNo++;
    const first = raw.charCodeAt(0);
    // A QP soft break first: its continuation may itself start with an encoded space.
    if (
      parts !== undefined &&
      !tooLong &&
      last.endsWith('=') &&
      isQuotedPrintableStart(parts, (v) => (qp = v), qp)
    ) {
      parts[parts.length - 1] = last.slice(0, -1);
      collapse();
      parts!.push(raw);
      last = raw;
      length += raw.length - 1;
    } else if (parts !== undefined && (first === 32 || first === 9)) {
      if (!tooLong) {
        const piece = raw.slice(1);
        collapse();
        parts!.push(piece);
        last = piece;
        length += piece.length;
      }
    } else {
      if (parts !== undefined) yield flush();
      parts = [raw];
      blocks = [];
      last = raw;
      length = raw.length;
      qp = undefined;
      pendingLine = lineNo;
      tooLong = false;
    }
    if (!tooLong && length > MAX_LOGICAL_LINE) {
      tooLong = true;
      parts = [(blocks[0] ?? parts.join('')).slice(0, 64)]; // keep the name for the error message
      blocks = [];
    }
  }
  if (parts !== undefined) yield flush();
}

/** Whether the logical line in `parts` is quoted-printable: decided once its colon has arrived. */
function isQuotedPrintableStart(
  parts: string[],
  remember: (v: boolean) => void,
  known: boolean | undefined,
): boolean {
  if (known !== undefined) return known;
  // The name and parameters come first; a "line" with no colon in its first pieces is not a property.
  const head = (parts.length === 1 ? parts[0]! : parts.slice(0, 8).join('')).slice(0, 1000);
  const colon = head.indexOf(':');
  if (colon === -1) {
    if (parts.length >= 8 || head.length >= 1000) remember(false);
    return false;
  }
  const v = QP_PARAM.test(head.slice(0, colon));
  remember(v);
  return v;
}

function logical(
  line: number,
  text: string,
  tooLong: boolean,
): { line: number; text: string; tooLong?: boolean } {
  return tooLong ? { line, text, tooLong } : { line, text };
}

/** Splits `group.NAME;P=a,b;Q="x:y":value`; returns undefined for a line with no colon. */
export function parseContentLine(text: string, line: number): ContentLine | undefined {
  let i = 0;
  let quoted = false;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === ':' && !quoted) break;
  }
  if (i >= text.length) return undefined;
  const parts = splitOutsideQuotes(text.slice(0, i), ';');
  const fullName = parts[0]!.trim();
  const dot = fullName.lastIndexOf('.');
  const params = new Map<string, string[]>();
  for (const part of parts.slice(1)) {
    const eq = part.indexOf('=');
    // vCard 2.1 allows bare parameters (`TEL;WORK;VOICE:`), which mean TYPE=…
    const key = eq === -1 ? 'TYPE' : part.slice(0, eq).trim().toUpperCase();
    const raw = eq === -1 ? part : part.slice(eq + 1);
    let values = splitOutsideQuotes(raw, ',').map((v) => v.trim().replace(/^"(.*)"$/, '$1'));
    // RFC 6350 writes TYPE="voice,cell" for a list; other quoted values (LABEL) keep their commas.
    if (key === 'TYPE') values = values.flatMap((v) => v.split(','));
    params.set(key, [...(params.get(key) ?? []), ...values.filter(Boolean)]);
  }
  return {
    line,
    group: dot === -1 ? undefined : fullName.slice(0, dot),
    name: (dot === -1 ? fullName : fullName.slice(dot + 1)).toUpperCase(),
    params,
    value: text.slice(i + 1),
  };
}

function splitOutsideQuotes(text: string, sep: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (text[i] === sep && !quoted) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

/** Decodes quoted-printable text (`=C3=A9`) as bytes in `charset` (UTF-8 when unknown). */
export function decodeQuotedPrintable(value: string, charset = 'utf-8'): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 61 /* = */ && /^[0-9A-Fa-f]{2}$/.test(value.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c < 128) {
      bytes.push(c);
    } else {
      bytes.push(...Buffer.from(value[i]!, 'utf8'));
    }
  }
  const enc = iconv.encodingExists(charset) ? charset : 'utf-8';
  return iconv.decode(Buffer.from(bytes), enc);
}

/** Splits a structured value on unescaped `sep` (`;` for N/ADR/ORG, `,` for lists) and unescapes each part. */
export function splitValue(value: string, sep: ';' | ','): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\' && i + 1 < value.length) {
      const n = value[++i]!;
      cur += n === 'n' || n === 'N' ? '\n' : n;
    } else if (c === sep) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** Unescapes a single text value (`\\`, `\;`, `\,`, `\n`). */
export function unescapeText(value: string): string {
  return value.indexOf('\\') === -1
    ? value
    : value.replace(/\\([\\;,nN:"])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}
