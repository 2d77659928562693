import { decodeEncodedWords } from './encoded-words';

/** A mailbox as written in a header: the display name (decoded) and the address as given. */
export interface Mailbox {
  name: string;
  address: string;
}

/** Splits at top-level commas: not inside quotes, angle brackets or comments. */
function splitTopLevel(value: string): string[] {
  // Most fields hold one mailbox: with no separator at all there is nothing to split.
  if (!value.includes(',') && !value.includes(';')) return [value];
  const parts: string[] = [];
  let depthParen = 0;
  let inAngle = false;
  let inQuote = false;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (inQuote) {
      if (c === '\\') i++;
      else if (c === '"') inQuote = false;
    } else if (c === '"') inQuote = true;
    else if (c === '(') depthParen++;
    else if (c === ')' && depthParen > 0) depthParen--;
    else if (c === '<' && depthParen === 0) inAngle = true;
    else if (c === '>') inAngle = false;
    else if ((c === ',' || c === ';') && !inAngle && depthParen === 0) {
      parts.push(value.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(value.slice(start));
  return parts;
}

const ADDRESS = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;
// Addresses are capped at RFC 5321's 254 octets; a longer "address" is noise, not a person.
const MAX_ADDRESS = 254;

/** `value` without a leading "mailto:" in any case (as /^mailto:/i, which matches ASCII only). */
function withoutMailto(value: string): string {
  return value.length >= 7 && value.charCodeAt(6) === 0x3a && value.slice(0, 6).toLowerCase() === 'mailto'
    ? value.slice(7)
    : value;
}

/** Parses an address list (From, To, Cc); groups ("team: a@x, b@y;") are flattened; junk is dropped. */
export function parseAddressList(value: string | undefined): Mailbox[] {
  if (!value) return [];
  const out: Mailbox[] = [];
  for (let part of splitTopLevel(value)) {
    // "Group name: first@x" — the group's name is not a mailbox.
    const colon = part.indexOf(':');
    if (colon >= 0 && !part.slice(0, colon).includes('<') && !part.slice(0, colon).includes('"'))
      part = part.slice(colon + 1);
    // The first "<" with a ">" after it, and the first ">" after that: what /<([^>]*)>/ finds.
    const lt = part.indexOf('<');
    const gt = lt >= 0 ? part.indexOf('>', lt + 1) : -1;
    let address: string;
    let name: string;
    if (gt >= 0) {
      address = part.slice(lt + 1, gt).trim();
      name = part.slice(0, lt).trim();
    } else if (part.includes('(')) {
      const comment = /\(([^)]*)\)/.exec(part);
      address = part.replace(/\([^)]*\)/g, '').trim();
      name = comment?.[1]?.trim() ?? '';
    } else {
      address = part.trim();
      name = '';
    }
    address = withoutMailto(address);
    if (address.length > MAX_ADDRESS || !ADDRESS.test(address)) continue;
    if (name.startsWith('"') && name.endsWith('"') && name.length >= 2) {
      name = name.slice(1, -1);
      if (name.includes('\\')) name = name.replace(/\\(.)/g, '$1');
    }
    out.push({ name: decodeEncodedWords(name).trim(), address });
  }
  return out;
}

/** What \s matches in a regular expression. */
function isSpace(c: number): boolean {
  return c <= 0x20
    ? c === 0x20 || (c >= 0x09 && c <= 0x0d)
    : c === 0xa0 ||
        c === 0x1680 ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000 ||
        c === 0xfeff;
}

/** Message-IDs in a field (Message-ID, In-Reply-To, References): `<…>` tokens, or one bare token. */
export function parseMessageIds(value: string | undefined): string[] {
  if (!value) return [];
  // The tokens /<([^<>\s]+)>/g finds, read without a match object each.
  const ids: string[] = [];
  let lt = value.indexOf('<');
  while (lt >= 0) {
    let end = lt + 1;
    for (let c = value.charCodeAt(end); end < value.length && c !== 0x3c && c !== 0x3e && !isSpace(c); )
      c = value.charCodeAt(++end);
    if (end > lt + 1 && value.charCodeAt(end) === 0x3e) {
      ids.push(value.slice(lt + 1, end));
      lt = value.indexOf('<', end + 1);
    } else lt = value.indexOf('<', lt + 1);
  }
  if (ids.length > 0) return ids;
  const bare = value.trim();
  return bare && !/\s/.test(bare) ? [bare] : [];
}
