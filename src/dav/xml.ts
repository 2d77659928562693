import { XMLParser, XMLValidator } from 'fast-xml-parser';

export const DAV = 'DAV:';
export const CARDDAV = 'urn:ietf:params:xml:ns:carddav';
export const CALDAV = 'urn:ietf:params:xml:ns:caldav';
export const CALSERVER = 'http://calendarserver.org/ns/';

/** An element with its namespace resolved (RFC 4918 §17: names are compared by namespace + local name). */
export interface XmlElement {
  ns: string;
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** A request body that is not XML we accept; the route answers 400 with `message`. */
export class BadXml extends Error {}

/**
 * A body larger than this is refused before parsing. A PROPFIND is a few KB, but a multiget may
 * name every card of a 30,000-card book (~3 MB); DOCTYPEs are refused, so size is all there is.
 */
export const MAX_XML_BYTES = 16 * 1024 * 1024;
const MAX_DEPTH = 32;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // No entity expansion at all: XXE and "billion laughs" have nothing to expand.
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  trimValues: true,
  parseTagValue: false,
  parseAttributeValue: false,
});

type Raw = Record<string, unknown> & { ':@'?: Record<string, string> };

/** fast-xml-parser's preserveOrder output: arrays of one-key objects (plus ':@' attributes). */
const isRaw = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const rawList = (v: unknown): Raw[] => (Array.isArray(v) ? v.filter(isRaw) : []);

/** Parses a WebDAV request body. DOCTYPE is refused outright (RFC 4918 §20.6 lets a server do so). */
export function parseXml(body: string): XmlElement {
  if (body.length > MAX_XML_BYTES) throw new BadXml(`the XML body is over ${MAX_XML_BYTES} bytes`);
  if (/<!DOCTYPE|<!ENTITY/i.test(body)) throw new BadXml('DOCTYPE and entity declarations are not accepted');
  const valid = XMLValidator.validate(body);
  if (valid !== true) throw new BadXml(`malformed XML at line ${valid.err.line}: ${valid.err.msg}`);
  const nodes = rawList(parser.parse(body));
  const root = nodes.find((n) => elementName(n) !== undefined);
  if (!root) throw new BadXml('the body has no root element');
  return resolve(root, new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]), 0);
}

function elementName(n: Raw): string | undefined {
  return Object.keys(n).find((k) => k !== ':@' && k !== '#text');
}

function resolve(node: Raw, scope: Map<string, string>, depth: number): XmlElement {
  if (depth > MAX_DEPTH) throw new BadXml(`elements nested deeper than ${MAX_DEPTH}`);
  const qname = elementName(node)!;
  const attrs = node[':@'] ?? {};
  let local = scope;
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'xmlns' || k.startsWith('xmlns:')) {
      if (local === scope) local = new Map(scope);
      local.set(k === 'xmlns' ? '' : k.slice(6), v);
    }
  }
  const colon = qname.indexOf(':');
  const prefix = colon === -1 ? '' : qname.slice(0, colon);
  const ns = local.get(prefix);
  if (ns === undefined && prefix) throw new BadXml(`undeclared namespace prefix '${prefix}'`);
  const children: XmlElement[] = [];
  let text = '';
  for (const child of rawList(node[qname])) {
    if ('#text' in child) text += decodeEntities(String(child['#text']));
    else if (elementName(child)) children.push(resolve(child, local, depth + 1));
  }
  const plain: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrs))
    if (k !== 'xmlns' && !k.startsWith('xmlns:')) plain[k] = decodeEntities(v);
  return { ns: ns ?? '', name: colon === -1 ? qname : qname.slice(colon + 1), attrs: plain, children, text };
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The five predefined entities and character references only: nothing user-declared can expand. */
function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref] ?? all;
    const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}

export function child(el: XmlElement | undefined, ns: string, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.ns === ns && c.name === name);
}

export function children(el: XmlElement | undefined, ns: string, name: string): XmlElement[] {
  return el?.children.filter((c) => c.ns === ns && c.name === name) ?? [];
}

/**
 * Escapes text and attribute values for XML output. CR too: a parser would otherwise fold the
 * card's CRLF line ends into LF (XML 1.0 §2.11), and the bytes a client reads would differ from its ETag.
 */
export function escapeXml(value: string): string {
  return value.replace(/[<>&"'\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}
