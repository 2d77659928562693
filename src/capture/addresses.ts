import { decodeEncodedWords } from './encoded-words.js';

/** A mailbox as written in a header: the display name (decoded) and the address as given. */
export interface Mailbox {
  name: string;
  address: string;
}

/** Splits at top-level commas: not inside quotes, angle brackets or comments. */
function splitTopLevel(value: string): string[] {
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

/** Parses an address list (From, To, Cc); groups ("team: a@x, b@y;") are flattened; junk is dropped. */
export function parseAddressList(value: string | undefined): Mailbox[] {
  if (!value) return [];
  const out: Mailbox[] = [];
  for (let part of splitTopLevel(value)) {
    // "Group name: first@x" — the group's name is not a mailbox.
    const colon = part.indexOf(':');
    if (colon >= 0 && !part.slice(0, colon).includes('<') && !part.slice(0, colon).includes('"'))
      part = part.slice(colon + 1);
    const angle = /<([^>]*)>/.exec(part);
    let address: string;
    let name: string;
    if (angle) {
      address = angle[1]!.trim();
      name = part.slice(0, angle.index).trim();
    } else {
      const comment = /\(([^)]*)\)/.exec(part);
      address = part.replace(/\([^)]*\)/g, '').trim();
      name = comment?.[1]?.trim() ?? '';
    }
    address = address.replace(/^mailto:/i, '');
    if (address.length > MAX_ADDRESS || !ADDRESS.test(address)) continue;
    if (name.startsWith('"') && name.endsWith('"') && name.length >= 2)
      name = name.slice(1, -1).replace(/\\(.)/g, '$1');
    out.push({ name: decodeEncodedWords(name).trim(), address });
  }
  return out;
}

/** Message-IDs in a field (Message-ID, In-Reply-To, References): `<…>` tokens, or one bare token. */
export function parseMessageIds(value: string | undefined): string[] {
  if (!value) return [];
  const ids = [...value.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1]!);
  if (ids.length > 0) return ids;
  const bare = value.trim();
  return bare && !/\s/.test(bare) ? [bare] : [];
}
