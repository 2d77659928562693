import { CALDAV, CALSERVER, CARDDAV, DAV, escapeXml } from './xml';

/** A property name: namespace + local name (RFC 4918 §4.3). */
export interface PropName {
  ns: string;
  name: string;
}
/** A property's value as inner XML (already escaped); '' for an empty element. */
export type PropValue = string;

export interface DavResponse {
  href: string;
  /** Properties found (200) and asked for but absent here (404), as RFC 4918 §9.1 propstats. */
  found?: [PropName, PropValue][];
  missing?: PropName[];
  /** Properties a PROPPATCH may not set (403). */
  forbidden?: PropName[];
  /** A response with a status and no propstat (sync-collection's deleted members, multiget misses). */
  status?: number;
}

const PREFIX: Record<string, string> = { [DAV]: 'd', [CARDDAV]: 'card', [CALDAV]: 'cal', [CALSERVER]: 'cs' };
const REASON: Record<number, string> = {
  200: 'OK',
  403: 'Forbidden',
  404: 'Not Found',
  507: 'Insufficient Storage',
};

export const statusLine = (code: number) => `HTTP/1.1 ${code} ${REASON[code] ?? ''}`.trim();

/** An element in its namespace: known ones by prefix, any other with its own xmlns. */
export function element(p: PropName, inner: string): string {
  const prefix = PREFIX[p.ns];
  const open = prefix ? `${prefix}:${p.name}` : `x:${p.name} xmlns:x="${escapeXml(p.ns)}"`;
  const close = prefix ? `${prefix}:${p.name}` : `x:${p.name}`;
  return inner === '' ? `<${open}/>` : `<${open}>${inner}</${close}>`;
}

export const hrefXml = (href: string) => `<d:href>${escapeXml(href)}</d:href>`;

function responseXml(r: DavResponse): string {
  const parts = [hrefXml(r.href)];
  if (r.status !== undefined) parts.push(`<d:status>${statusLine(r.status)}</d:status>`);
  if (r.found?.length)
    parts.push(
      `<d:propstat><d:prop>${r.found.map(([p, v]) => element(p, v)).join('')}</d:prop><d:status>${statusLine(200)}</d:status></d:propstat>`,
    );
  if (r.missing?.length)
    parts.push(
      `<d:propstat><d:prop>${r.missing.map((p) => element(p, '')).join('')}</d:prop><d:status>${statusLine(404)}</d:status></d:propstat>`,
    );
  if (r.forbidden?.length)
    parts.push(
      `<d:propstat><d:prop>${r.forbidden.map((p) => element(p, '')).join('')}</d:prop><d:status>${statusLine(403)}</d:status></d:propstat>`,
    );
  return `<d:response>${parts.join('')}</d:response>`;
}

const ROOT_NS = `xmlns:d="DAV:" xmlns:card="${CARDDAV}" xmlns:cal="${CALDAV}" xmlns:cs="${CALSERVER}"`;

/** A 207 body (RFC 4918 §13); `tail` is extra XML after the responses (a sync-token). */
export function multistatus(responses: Iterable<DavResponse>, tail = ''): string {
  const out = [`<?xml version="1.0" encoding="utf-8"?>\n<d:multistatus ${ROOT_NS}>`];
  for (const r of responses) out.push(responseXml(r));
  out.push(tail, '</d:multistatus>');
  return out.join('');
}

/** A DAV:error body naming the precondition that failed (RFC 4918 §16), with a message for people. */
export function errorXml(condition: PropName, message: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<d:error ${ROOT_NS}>${element(condition, '')}<t:message xmlns:t="urn:x-tend">${escapeXml(message)}</t:message></d:error>`;
}
