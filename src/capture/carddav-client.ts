import { XMLParser } from 'fast-xml-parser';
import { guardedFetch, type OutboundPolicy, OutboundRefused } from './outbound';

/** Where and as whom: an address book (or a server root to discover one from) with an app password. */
export interface CardDavAccount {
  url: string;
  user: string;
  password: string;
}

/** A remote failure in words ("authentication failed: the server says 401"); `status` when HTTP said so. */
export class CardDavError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface RemoteCard {
  href: string;
  etag: string;
  body: string;
}

/** A response of a multistatus: the href, its status and the properties found (local names). */
interface DavResponse {
  href: string;
  status: number;
  props: Record<string, unknown>;
}

/** Hrefs per addressbook-multiget: a few hundred KB of cards per response. */
export const MULTIGET_BATCH = 100;
/** One request gives up after this long (a server that hangs must not hold the subscription). */
const TIMEOUT_MS = 60_000;
/** A response body larger than this is refused (a multiget of 100 cards with photos is a few MB). */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  // No entity expansion: a hostile server's XXE or "billion laughs" has nothing to expand.
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => ['response', 'propstat', 'href'].includes(name),
});

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
/** XML's five entities and character references, decoded by hand: nothing else is ever expanded. */
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#[0-9]+|lt|gt|amp|quot|apos);/gi, (m, e: string) => {
    if (e[0] !== '#') return ENTITIES[e.toLowerCase()] ?? m;
    const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
const text = (v: unknown): string =>
  decode(typeof v === 'string' ? v : isRecord(v) && typeof v['#text'] === 'string' ? v['#text'] : '');
/** A DAV property's text (a string or a CDATA/text node), its XML entities decoded. */
export const davText = text;
const statusOf = (line: unknown) => Number(/HTTP\/[\d.]+\s+(\d{3})/.exec(text(line))?.[1] ?? 200);

/** Reads a 207 body into responses; only 2xx propstats count as found. */
export function parseMultistatus(xml: string): DavResponse[] {
  let doc: unknown;
  try {
    doc = parser.parse(xml);
  } catch (error) {
    throw new CardDavError(
      `the server's answer is not XML: ${error instanceof Error ? error.message : error}`,
    );
  }
  const ms = isRecord(doc) ? doc.multistatus : undefined;
  if (!isRecord(ms)) throw new CardDavError('the server did not answer with a DAV multistatus');
  return asArray(ms.response).flatMap((r) => {
    if (!isRecord(r)) return [];
    const href = text(asArray(r.href)[0]);
    const props: Record<string, unknown> = {};
    for (const ps of asArray(r.propstat)) {
      if (!isRecord(ps) || statusOf(ps.status) >= 300 || !isRecord(ps.prop)) continue;
      Object.assign(props, ps.prop);
    }
    return href ? [{ href, status: r.status === undefined ? 200 : statusOf(r.status), props }] : [];
  });
}

/** The sync-token of a sync-collection answer (RFC 6578 §6.2). */
function syncTokenOf(xml: string): string {
  const doc: unknown = parser.parse(xml);
  const ms = isRecord(doc) ? doc.multistatus : undefined;
  return isRecord(ms) ? text(ms['sync-token']) : '';
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function describeStatus(status: number, what: string): string {
  if (status === 401) return 'authentication failed: the server says 401 (check the user and app password)';
  if (status === 403) return `${what}: the server says 403, this user may not do that`;
  if (status === 404) return `${what}: the server says 404, nothing at this address`;
  return `${what}: the server says ${status}`;
}

/** A CardDAV client on fetch: Basic auth, one request at a time, errors in words. */
export function cardDavClient(account: CardDavAccount, policy: OutboundPolicy) {
  const auth = `Basic ${Buffer.from(`${account.user}:${account.password}`).toString('base64')}`;

  async function request(
    method: string,
    url: string,
    init: { body?: string; headers?: Record<string, string>; what: string; ok?: number[] },
  ): Promise<{ status: number; body: string; headers: Headers; url: string }> {
    let res: Response;
    try {
      res = await guardedFetch(
        url,
        {
          method,
          headers: {
            authorization: auth,
            ...(init.body !== undefined && { 'content-type': 'application/xml; charset=utf-8' }),
            ...init.headers,
          },
          ...(init.body !== undefined && { body: init.body }),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        },
        policy,
      );
    } catch (error) {
      if (error instanceof OutboundRefused) throw new CardDavError(`${init.what}: ${error.message}`);
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : '';
      throw new CardDavError(
        `${init.what}: cannot reach ${new URL(url).host}${cause ? ` (${cause})` : ''}`.trim(),
      );
    }
    const length = Number(res.headers.get('content-length') ?? 0);
    if (length > MAX_BODY_BYTES) throw new CardDavError(`${init.what}: the answer is larger than 64 MB`);
    const body = await res.text();
    if (!(init.ok ?? [200, 207]).includes(res.status))
      throw new CardDavError(describeStatus(res.status, init.what), res.status);
    return { status: res.status, body, headers: res.headers, url: res.url || url };
  }

  const propfind = async (url: string, depth: '0' | '1', props: string, what: string) => {
    const res = await request('PROPFIND', url, {
      what,
      headers: { depth },
      body: `<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:" xmlns:card="urn:ietf:params:xml:ns:carddav" xmlns:cs="http://calendarserver.org/ns/"><d:prop>${props}</d:prop></d:propfind>`,
    });
    return { base: res.url, responses: parseMultistatus(res.body) };
  };
  const hrefIn = (v: unknown) => text(asArray(isRecord(v) ? v.href : undefined)[0]);
  const isBook = (props: Record<string, unknown>) =>
    isRecord(props.resourcetype) && 'addressbook' in props.resourcetype;

  return {
    /** The address books reachable from `url`: the book itself, or via RFC 6764 and RFC 6352 §7. */
    async discover(): Promise<{ url: string; name: string }[]> {
      const here = await propfind(
        account.url,
        '0',
        '<d:resourcetype/><d:displayname/><d:current-user-principal/>',
        'reading the address',
      );
      const self = here.responses[0];
      if (self && isBook(self.props))
        return [{ url: here.base, name: text(self.props.displayname) || 'Address book' }];
      let principal = self ? hrefIn(self.props['current-user-principal']) : '';
      if (!principal) {
        // A server root: RFC 6764 §5 says to ask /.well-known/carddav.
        const wk = await propfind(
          new URL('/.well-known/carddav', account.url).href,
          '0',
          '<d:current-user-principal/>',
          'discovering the address book',
        );
        principal = hrefIn(wk.responses[0]?.props['current-user-principal']);
      }
      if (!principal) throw new CardDavError('not an address book, and the server names no principal');
      const p = await propfind(
        new URL(principal, here.base).href,
        '0',
        '<card:addressbook-home-set/>',
        'reading the principal',
      );
      const home = hrefIn(p.responses[0]?.props['addressbook-home-set']);
      if (!home) throw new CardDavError('not an address book, and the principal has no address-book home');
      const h = await propfind(
        new URL(home, p.base).href,
        '1',
        '<d:resourcetype/><d:displayname/>',
        'listing the address books',
      );
      return h.responses
        .filter((r) => isBook(r.props))
        .map((r) => ({ url: new URL(r.href, h.base).href, name: text(r.props.displayname) || r.href }));
    },

    /** Whether `url` is an address book, and whether it offers sync-collection (RFC 6578 §3.1). */
    async describeBook(url: string): Promise<{ syncCollection: boolean }> {
      const { responses } = await propfind(
        url,
        '0',
        '<d:resourcetype/><d:supported-report-set/>',
        'reading the address book',
      );
      const props = responses[0]?.props ?? {};
      if (!isBook(props)) throw new CardDavError(`not an address book: ${url}`);
      return {
        syncCollection: JSON.stringify(props['supported-report-set'] ?? '').includes('sync-collection'),
      };
    },

    /** Every card's href and ETag (PROPFIND Depth 1). */
    async etags(url: string): Promise<Map<string, string>> {
      const { base, responses } = await propfind(url, '1', '<d:getetag/>', 'listing the cards');
      const out = new Map<string, string>();
      const self = new URL(url).pathname;
      for (const r of responses) {
        const path = new URL(r.href, base).pathname;
        if (path !== self && r.props.getetag !== undefined) out.set(path, text(r.props.getetag));
      }
      return out;
    },

    /**
     * Changes since `token` (RFC 6578): changed hrefs with ETags, deleted hrefs, the new token.
     * An expired token is a CardDavError with status 403 or 409 (DAV:valid-sync-token).
     */
    async syncCollection(url: string, token: string) {
      const res = await request('REPORT', url, {
        what: 'sync-collection',
        headers: { depth: '0' },
        body: `<?xml version="1.0" encoding="utf-8"?><d:sync-collection xmlns:d="DAV:"><d:sync-token>${xmlEscape(token)}</d:sync-token><d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>`,
      });
      const changed = new Map<string, string>();
      const deleted: string[] = [];
      for (const r of parseMultistatus(res.body)) {
        const path = new URL(r.href, res.url).pathname;
        if (r.status === 404) deleted.push(path);
        else if (r.props.getetag !== undefined) changed.set(path, text(r.props.getetag));
      }
      return { token: syncTokenOf(res.body), changed, deleted };
    },

    /** The cards at `hrefs` (addressbook-multiget, RFC 6352 §8.7), in batches. */
    async multiget(url: string, hrefs: string[]): Promise<RemoteCard[]> {
      const out: RemoteCard[] = [];
      for (let i = 0; i < hrefs.length; i += MULTIGET_BATCH) {
        const slice = hrefs.slice(i, i + MULTIGET_BATCH);
        const res = await request('REPORT', url, {
          what: 'addressbook-multiget',
          headers: { depth: '1' },
          body: `<?xml version="1.0" encoding="utf-8"?><card:addressbook-multiget xmlns:d="DAV:" xmlns:card="urn:ietf:params:xml:ns:carddav"><d:prop><d:getetag/><card:address-data/></d:prop>${slice.map((h) => `<d:href>${xmlEscape(h)}</d:href>`).join('')}</card:addressbook-multiget>`,
        });
        for (const r of parseMultistatus(res.body)) {
          // The parser trims text; a card ends with CRLF (RFC 6350 §3.2).
          const data = text(r.props['address-data']);
          const body = data && !data.endsWith('\n') ? `${data}\r\n` : data;
          if (r.status < 300 && body)
            out.push({ href: new URL(r.href, res.url).pathname, etag: text(r.props.getetag), body });
        }
      }
      return out;
    },

    /**
     * Writes a card: `etag` for an update (If-Match, RFC 7232 §3.1), null for a create
     * (If-None-Match: *). Returns the new ETag if the server sent one; 412 is a CardDavError.
     */
    async put(href: string, body: string, etag: string | null): Promise<string | null> {
      const res = await request('PUT', new URL(href, account.url).href, {
        what: `writing ${href}`,
        body,
        headers: {
          'content-type': 'text/vcard; charset=utf-8',
          ...(etag === null ? { 'if-none-match': '*' } : { 'if-match': etag }),
        },
        ok: [200, 201, 204],
      });
      return res.headers.get('etag');
    },
  };
}

export type CardDavClient = ReturnType<typeof cardDavClient>;
