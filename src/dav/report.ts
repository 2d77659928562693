import type { Principal } from '../services/auth.service';
import type { Deps } from '../services/deps';
import type { DavCard } from '../services/sync/dav.service';
import { cardsAt, changesSince, listBook } from '../services/sync/dav.service';
import { DavPrecondition } from '../services/sync/dav-errors';
import { calendarReport } from './calendar-report';
import { cardMatches } from './card-filter';
import { type DavResponse, element, multistatus, type PropName } from './multistatus';
import { type DavTarget, parseDavPath } from './paths';
import { cardHref, cardProps, parseSyncToken, propstat, syncToken } from './props';
import { BadXml, CARDDAV, child, children, DAV, escapeXml, parseXml, type XmlElement } from './xml';

function propsOf(root: XmlElement): PropName[] {
  const prop = child(root, DAV, 'prop');
  return prop ? prop.children.map((c) => ({ ns: c.ns, name: c.name })) : [{ ns: DAV, name: 'getetag' }];
}

/** sync-collection's DAV:limit (RFC 6578 §3.7): a positive number of results, or none. */
function syncLimit(root: XmlElement): number | undefined {
  const text = child(child(root, DAV, 'limit'), DAV, 'nresults')?.text.trim();
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new BadXml(`limit nresults '${text}' is not a positive whole number`);
  return n;
}

function cardResponse(accountId: string, card: DavCard, props: PropName[]): DavResponse {
  return { href: cardHref(accountId, card), ...propstat(cardProps(accountId, card), props) };
}

/**
 * REPORTs on the address book: addressbook-multiget and addressbook-query (RFC 6352 §8.6, §8.7)
 * and sync-collection (RFC 6578 §3.2). Returns null for a report this resource does not support.
 */
export async function report(
  deps: Deps,
  who: Principal,
  target: DavTarget,
  body: string | undefined,
): Promise<string | null> {
  if (!body?.trim()) throw new BadXml('a REPORT needs a body');
  const root = parseXml(body);
  if (target.kind === 'calendar') return calendarReport(deps, who.accountId, root);
  if (target.kind !== 'book') return null;
  const a = who.accountId;
  const props = propsOf(root);
  if (root.ns === CARDDAV && root.name === 'addressbook-multiget') {
    const wanted = children(root, DAV, 'href').map((h) => h.text.trim());
    const names = new Map<string, string>();
    for (const href of wanted) {
      const t = parseDavPath(href);
      if (t?.kind === 'card' && t.accountId === a) names.set(href, t.name);
    }
    const found = new Map((await cardsAt(deps, a, [...new Set(names.values())])).map((c) => [c.href, c]));
    return multistatus(
      wanted.map((href) => {
        const card = found.get(names.get(href) ?? '');
        return card ? cardResponse(a, card, props) : { href, status: 404 };
      }),
    );
  }
  if (root.ns === CARDDAV && root.name === 'addressbook-query') {
    const filter = child(root, CARDDAV, 'filter');
    const limit = Number(child(child(root, CARDDAV, 'limit'), CARDDAV, 'nresults')?.text ?? Number.NaN);
    const { cards } = await listBook(deps, a);
    const hits = cards.filter((c) => cardMatches(c.body, filter));
    const shown = Number.isFinite(limit) && limit >= 0 ? hits.slice(0, limit) : hits;
    const out: DavResponse[] = shown.map((c) => cardResponse(a, c, props));
    // RFC 6352 §8.6.1: a truncated result says so with 507 on the collection.
    if (shown.length < hits.length)
      out.push({ href: `${cardHref(a, { href: '', etag: '', body: '' })}`, status: 507 });
    return multistatus(out);
  }
  if (root.ns === DAV && root.name === 'sync-collection') {
    const token = child(root, DAV, 'sync-token')?.text ?? '';
    const since = parseSyncToken(token);
    if (Number.isNaN(since))
      throw new DavPrecondition(`'${token}' is not a sync token of this book`, 'valid-sync-token');
    const { seq, changes, truncated } = await changesSince(deps, a, since, syncLimit(root));
    const out: DavResponse[] = changes.map((ch) =>
      ch.card
        ? cardResponse(a, ch.card, props)
        : { href: cardHref(a, { href: ch.href, etag: '', body: '' }), status: 404 },
    );
    // RFC 6578 §3.7: a truncated answer says so with 507 on the collection; the token continues it.
    if (truncated) out.push({ href: cardHref(a, { href: '', etag: '', body: '' }), status: 507 });
    return multistatus(out, element({ ns: DAV, name: 'sync-token' }, escapeXml(syncToken(seq))));
  }
  return null;
}
