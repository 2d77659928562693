/** A message's header fields: lower-case names, each with its values in order, unfolded (RFC 5322 §2.2.3). */
export type HeaderFields = Map<string, string[]>;

const CR = 0x0d;
const COLON = 0x3a;
const SPACE = 0x20;
const TAB = 0x09;

/** The characters String#trim removes that a latin1 string can hold. */
function trimmed(c: number): boolean {
  return (c >= 0x09 && c <= 0x0d) || c === SPACE || c === 0xa0;
}

/** A name's (length, lower-cased first character) pair, a necessary condition for being in a set. */
const shapeOf = (length: number, first: number) => length * 256 + (first | 0x20);
const shapes = new WeakMap<ReadonlySet<string>, Set<number>>();

function shapesOf(only: ReadonlySet<string>): Set<number> {
  let s = shapes.get(only);
  if (!s) {
    s = new Set([...only].map((n) => shapeOf(n.length, n.length > 0 ? n.charCodeAt(0) : 0)));
    shapes.set(only, s);
  }
  return s;
}

/**
 * Parses a header block (UTF-8 bytes); lines without a colon (and mbox ">From " quoting) are
 * ignored, never fatal. With `only`, fields of other names are skipped without being decoded: a
 * Gmail header is mostly Received, DKIM and ARC lines that capture never reads. The lines are
 * found in a latin1 copy of the block (one character per byte: a string search, not a call into
 * Buffer per line), a name is checked by its length and first letter before any string is made of
 * it, and only kept values are decoded from the bytes, each into a string of its own (a slice of
 * the copy would keep the whole ~2 KB block alive as long as the message).
 */
export function parseHeaderBytes(block: Buffer, only?: ReadonlySet<string>): HeaderFields {
  const text = block.toString('latin1');
  const fields: HeaderFields = new Map();
  const wanted = only ? shapesOf(only) : null;
  let name: string | null = null;
  let value = '';
  const flush = () => {
    if (name === null) return;
    const list = fields.get(name);
    const v = value.trim();
    if (list) list.push(v);
    else fields.set(name, [v]);
    name = null;
  };
  const length = block.length;
  let at = 0;
  while (at < length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = length;
    const next = end + 1;
    if (end > at && text.charCodeAt(end - 1) === CR) end--;
    if (end === at) {
      at = next;
      continue;
    }
    const first = text.charCodeAt(at);
    if (first === SPACE || first === TAB) {
      // Unfolding removes the CRLF only; the whitespace that started the line stays.
      if (name !== null) value += block.toString('utf8', at, end);
      at = next;
      continue;
    }
    flush();
    // The colon is looked for in this line only, so a block of colon-less lines stays linear.
    let colon = at;
    while (colon < end && text.charCodeAt(colon) !== COLON) colon++;
    if (colon > at && colon < end) {
      let from = at;
      let to = colon;
      while (from < to && trimmed(text.charCodeAt(from))) from++;
      while (to > from && trimmed(text.charCodeAt(to - 1))) to--;
      if (!wanted || wanted.has(shapeOf(to - from, to > from ? text.charCodeAt(from) : 0))) {
        const fieldName = text.slice(from, to).toLowerCase();
        if (!only || only.has(fieldName)) {
          name = fieldName;
          value = block.toString('utf8', colon + 1, end);
        }
      }
    }
    at = next;
  }
  flush();
  return fields;
}

/** The first value of a field, or undefined. */
export function field(fields: HeaderFields, name: string): string | undefined {
  return fields.get(name)?.[0];
}
