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

/** Parses a header block (UTF-8 bytes); see parseHeaderLatin1. */
export function parseHeaderBytes(block: Buffer, only?: ReadonlySet<string>): HeaderFields {
  return parseHeaderLatin1(block.toString('latin1'), only);
}

/**
 * Parses a header block given as its bytes, one latin1 character per byte; values are decoded as
 * UTF-8. Lines without a colon (and mbox ">From " quoting) are ignored, never fatal. With `only`,
 * fields of other names are skipped without being decoded: a Gmail header is mostly Received, DKIM
 * and ARC lines that capture never reads, so a name is first checked by its length and first
 * letter before any string is made of it.
 */
export function parseHeaderLatin1(block: string, only?: ReadonlySet<string>): HeaderFields {
  const fields: HeaderFields = new Map();
  const wanted = only ? shapesOf(only) : null;
  let name: string | null = null;
  let value = '';
  const flush = () => {
    if (name === null) return;
    const list = fields.get(name);
    // Every piece starts and ends next to an ASCII byte, so decoding their concatenation once
    // gives what decoding each piece would. Decoded through a Buffer, the value is a string of its
    // own: a slice of the block would keep the whole block (~2 KB) alive as long as the message.
    const v = Buffer.from(value, 'latin1').toString('utf8').trim();
    if (list) list.push(v);
    else fields.set(name, [v]);
    name = null;
  };
  const length = block.length;
  let at = 0;
  while (at < length) {
    let end = block.indexOf('\n', at);
    if (end < 0) end = length;
    const next = end + 1;
    if (end > at && block.charCodeAt(end - 1) === CR) end--;
    if (end === at) {
      at = next;
      continue;
    }
    const first = block.charCodeAt(at);
    if (first === SPACE || first === TAB) {
      // Unfolding removes the CRLF only; the whitespace that started the line stays.
      if (name !== null) value += block.slice(at, end);
      at = next;
      continue;
    }
    flush();
    // The colon is looked for in this line only, so a block of colon-less lines stays linear.
    let colon = at;
    while (colon < end && block.charCodeAt(colon) !== COLON) colon++;
    if (colon > at && colon < end) {
      let from = at;
      let to = colon;
      while (from < to && trimmed(block.charCodeAt(from))) from++;
      while (to > from && trimmed(block.charCodeAt(to - 1))) to--;
      if (!wanted || wanted.has(shapeOf(to - from, to > from ? block.charCodeAt(from) : 0))) {
        const fieldName = block.slice(from, to).toLowerCase();
        if (!only || only.has(fieldName)) {
          name = fieldName;
          value = block.slice(colon + 1, end);
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
