/** A message's header fields: lower-case names, each with its values in order, unfolded (RFC 5322 §2.2.3). */
export type HeaderFields = Map<string, string[]>;

const NL = 0x0a;
const CR = 0x0d;
const COLON = 0x3a;
const SPACE = 0x20;
const TAB = 0x09;

/**
 * Parses a header block (UTF-8 bytes); lines without a colon (and mbox ">From " quoting) are ignored,
 * never fatal. With `only`, fields of other names are skipped without being decoded: a Gmail header
 * is mostly Received, DKIM and ARC lines that capture never reads.
 */
export function parseHeaderBytes(block: Buffer, only?: ReadonlySet<string>): HeaderFields {
  const fields: HeaderFields = new Map();
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
  let at = 0;
  while (at < block.length) {
    let end = block.indexOf(NL, at);
    if (end < 0) end = block.length;
    const next = end + 1;
    if (end > at && block[end - 1] === CR) end--;
    const first = block[at];
    if (end === at) {
      at = next;
      continue;
    }
    if (first === SPACE || first === TAB) {
      // Unfolding removes the CRLF only; the whitespace that started the line stays.
      if (name !== null) value += block.toString('utf8', at, end);
      at = next;
      continue;
    }
    flush();
    const colon = block.indexOf(COLON, at);
    if (colon > at && colon < end) {
      const fieldName = block.toString('latin1', at, colon).trim().toLowerCase();
      if (!only || only.has(fieldName)) {
        name = fieldName;
        value = block.toString('utf8', colon + 1, end);
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
