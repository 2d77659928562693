/** A message's header fields: lower-case names, each with its values in order, unfolded (RFC 5322 §2.2.3). */
export type HeaderFields = Map<string, string[]>;

/** Parses a header block; lines without a colon (and mbox ">From " quoting) are ignored, never fatal. */
export function parseHeaderBlock(block: string): HeaderFields {
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
  for (const raw of block.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line === '') continue;
    const first = line.charCodeAt(0);
    if (first === 32 || first === 9) {
      // Unfolding removes the CRLF only; the whitespace that started the line stays.
      if (name !== null) value += line;
      continue;
    }
    flush();
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    name = line.slice(0, colon).trim().toLowerCase();
    value = line.slice(colon + 1);
  }
  flush();
  return fields;
}

/** The first value of a field, or undefined. */
export function field(fields: HeaderFields, name: string): string | undefined {
  return fields.get(name)?.[0];
}
