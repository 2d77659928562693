import type { DavCard } from '../services/sync/dav.service';
import { hrefXml, type PropName, type PropValue } from './multistatus';
import { bookHomePath, bookPath, calendarHomePath, cardPath, principalPath } from './paths';
import { CALDAV, CALSERVER, CARDDAV, DAV, escapeXml } from './xml';

/** Largest card a PUT accepts (RFC 6352 §6.2.3 max-resource-size); the route's body limit. */
export const MAX_CARD_BYTES = 1024 * 1024;

export const syncToken = (seq: number) => `urn:x-tend:sync:${seq}`;
/** The counter of one of our tokens; null for an initial sync; NaN for a token we never issued. */
export function parseSyncToken(token: string): number | null {
  if (token.trim() === '') return null;
  const m = /^urn:x-tend:sync:(\d{1,15})$/.exec(token.trim());
  return m ? Number(m[1]) : Number.NaN;
}

const key = (p: PropName) => `${p.ns}|${p.name}`;
const privileges = (names: string[]) => names.map((n) => `<d:privilege><d:${n}/></d:privilege>`).join('');
const READ_WRITE = privileges(['read', 'write', 'write-properties', 'write-content', 'bind', 'unbind']);

/** Properties every resource of an account answers: who the user is and where their collections live. */
function principalProps(accountId: string): Map<string, PropValue> {
  return new Map([
    [key({ ns: DAV, name: 'current-user-principal' }), hrefXml(principalPath(accountId))],
    [key({ ns: DAV, name: 'principal-URL' }), hrefXml(principalPath(accountId))],
    [key({ ns: CARDDAV, name: 'addressbook-home-set' }), hrefXml(bookHomePath(accountId))],
    [key({ ns: CALDAV, name: 'calendar-home-set' }), hrefXml(calendarHomePath(accountId))],
    [key({ ns: DAV, name: 'owner' }), hrefXml(principalPath(accountId))],
  ]);
}

export type PropSource = (p: PropName) => PropValue | undefined;

const fromMap =
  (m: Map<string, PropValue>): PropSource =>
  (p) =>
    m.get(key(p));

export function rootProps(accountId: string | null): PropSource {
  const m = accountId ? principalProps(accountId) : new Map<string, PropValue>();
  m.set(key({ ns: DAV, name: 'resourcetype' }), '<d:collection/>');
  if (!accountId) m.delete(key({ ns: DAV, name: 'owner' }));
  return fromMap(m);
}

export function principalResourceProps(accountId: string, name: string): PropSource {
  const m = principalProps(accountId);
  m.set(key({ ns: DAV, name: 'resourcetype' }), '<d:principal/>');
  m.set(key({ ns: DAV, name: 'displayname' }), escapeXml(name));
  m.set(key({ ns: CALDAV, name: 'calendar-user-address-set' }), '');
  return fromMap(m);
}

export function homeProps(accountId: string): PropSource {
  const m = principalProps(accountId);
  m.set(key({ ns: DAV, name: 'resourcetype' }), '<d:collection/>');
  m.set(key({ ns: DAV, name: 'current-user-privilege-set' }), privileges(['read']));
  return fromMap(m);
}

export function bookProps(accountId: string, seq: number): PropSource {
  const m = principalProps(accountId);
  m.set(key({ ns: DAV, name: 'resourcetype' }), '<d:collection/><card:addressbook/>');
  m.set(key({ ns: DAV, name: 'displayname' }), 'Tend');
  m.set(key({ ns: CARDDAV, name: 'addressbook-description' }), 'Your contacts in Tend');
  m.set(key({ ns: CALSERVER, name: 'getctag' }), escapeXml(`"${seq}"`));
  m.set(key({ ns: DAV, name: 'sync-token' }), escapeXml(syncToken(seq)));
  m.set(key({ ns: DAV, name: 'current-user-privilege-set' }), READ_WRITE);
  m.set(
    key({ ns: DAV, name: 'supported-report-set' }),
    ['card:addressbook-multiget', 'card:addressbook-query', 'd:sync-collection']
      .map((r) => `<d:supported-report><d:report><${r}/></d:report></d:supported-report>`)
      .join(''),
  );
  m.set(
    key({ ns: CARDDAV, name: 'supported-address-data' }),
    '<card:address-data-type content-type="text/vcard" version="3.0"/><card:address-data-type content-type="text/vcard" version="4.0"/>',
  );
  m.set(key({ ns: CARDDAV, name: 'max-resource-size' }), String(MAX_CARD_BYTES));
  return fromMap(m);
}

export function cardProps(accountId: string, card: DavCard): PropSource {
  const m = principalProps(accountId);
  m.set(key({ ns: DAV, name: 'resourcetype' }), '');
  m.set(key({ ns: DAV, name: 'getetag' }), escapeXml(card.etag));
  m.set(key({ ns: DAV, name: 'getcontenttype' }), 'text/vcard; charset=utf-8');
  m.set(key({ ns: DAV, name: 'getcontentlength' }), String(Buffer.byteLength(card.body)));
  m.set(key({ ns: DAV, name: 'current-user-privilege-set' }), READ_WRITE);
  const base = fromMap(m);
  // Computed only when asked: a Depth 1 listing of 30,000 cards never escapes their bodies.
  return (p) => (p.ns === CARDDAV && p.name === 'address-data' ? escapeXml(card.body) : base(p));
}

export const cardHref = (accountId: string, card: DavCard) => cardPath(accountId, card.href);
export { bookPath };

/** What `allprop` returns (RFC 4918 §9.1: the dead and live properties defined by the spec, not computed ones like address-data). */
export const ALLPROP: PropName[] = [
  { ns: DAV, name: 'resourcetype' },
  { ns: DAV, name: 'displayname' },
  { ns: DAV, name: 'getetag' },
  { ns: DAV, name: 'getcontenttype' },
  { ns: DAV, name: 'getcontentlength' },
];

/** Splits asked-for properties into found and missing for one resource. */
export function propstat(source: PropSource, asked: PropName[], allprop = false) {
  const found: [PropName, PropValue][] = [];
  const missing: PropName[] = [];
  for (const p of asked) {
    const v = source(p);
    if (v === undefined) {
      if (!allprop) missing.push(p);
    } else found.push([p, v]);
  }
  return { found, missing };
}
