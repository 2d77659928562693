import { NotFound } from '../../core/errors';
import {
  allocateSeq,
  cardsByHref,
  cardsChangedSince,
  contactRowsByIds,
  contactsSummary,
  type DavCardRow,
  type DavDeleteMode,
  ensureBook,
  findCard,
  listLiveCards,
  markCardDeleted,
  setDeleteMode,
  setWatermark,
  staleContactIds,
  touchCard,
  upsertCards,
} from '../../store/dav.repo';
import type { Conn } from '../../store/store';
import { patchContactIn, removeContactIn } from '../contacts.service';
import { type Deps, nowIso } from '../deps';
import { DavPrecondition, PreconditionFailed } from './dav-errors';
import { etagOf, renderCards } from './dav-render';

/** How far back a catch-up looks behind the newest change it saw (out-of-order commits). */
const CLOCK_MARGIN_MS = 5 * 60_000;
/** Contacts rendered per round while catching the book up (memory stays flat on 30,000 contacts). */
const PAGE = 500;

export interface DavCard {
  href: string;
  etag: string;
  body: string;
}
export interface DavChange {
  href: string;
  /** Null for a deleted card (a tombstone: RFC 6578 §3.5 reports it with 404). */
  card: DavCard | null;
}

const cardOf = (r: DavCardRow): DavCard => ({ href: r.href, etag: r.etag, body: r.body });

/**
 * Locks the account's book and brings its cards up to date with Tend: contacts changed since
 * their card was written get a new card (and a new change number), deleted contacts leave a
 * tombstone. Every DAV request runs this first, so an edit made in the web app or the API reaches
 * the phone on its next sync, exactly once. Returns the book's sync counter.
 */
export async function catchUpBook(deps: Deps, tx: Conn, accountId: string): Promise<number> {
  const book = await ensureBook(tx, accountId, nowIso(deps));
  // A zero-step UPDATE: takes the book's row lock so concurrent catch-ups and PUTs serialise.
  // Deleted contacts need nothing here: removeContactIn tombstones their cards as it deletes them.
  let seq = (await allocateSeq(tx, accountId, 0)) - 1;
  const summary = await contactsSummary(tx, accountId);
  // Contacts changed since the last catch-up, with a margin for transactions that stamped an
  // earlier time but committed later; the first catch-up looks at every contact.
  const since =
    book.watermark === null
      ? undefined
      : new Date(Date.parse(book.watermark) - CLOCK_MARGIN_MS).toISOString();
  const stale = await staleContactIds(tx, accountId, since);
  const newest =
    [book.watermark, summary.newest]
      .filter((x): x is string => x !== null)
      .sort()
      .at(-1) ?? null;
  if (newest !== book.watermark || summary.count !== book.contactsCount)
    await setWatermark(tx, accountId, newest, summary.count);
  for (let i = 0; i < stale.length; i += PAGE) {
    const rows = await contactRowsByIds(tx, accountId, stale.slice(i, i + PAGE));
    const rendered = await renderCards(tx, accountId, rows);
    const changed = rendered.filter((r) => r.previous?.deleted !== 0 || r.previous.body !== r.body);
    for (const r of rendered)
      if (!changed.includes(r) && r.previous) await touchCard(tx, accountId, r.href, r.updatedAt);
    if (changed.length === 0) continue;
    const first = await allocateSeq(tx, accountId, changed.length);
    await upsertCards(
      tx,
      changed.map((r, k) => ({
        account_id: accountId,
        href: r.href,
        contact_id: r.contactId,
        uid: r.uid,
        body: r.body,
        etag: etagOf(r.body),
        seq: first + k,
        deleted: 0,
        contact_updated_at: r.updatedAt,
        note_id: r.noteId,
      })),
    );
    seq = first + changed.length - 1;
  }
  return seq;
}

/** The book's current sync counter and every live card (PROPFIND Depth 1, addressbook-query). */
export async function listBook(deps: Deps, accountId: string): Promise<{ seq: number; cards: DavCard[] }> {
  return deps.store.transaction(async (tx) => {
    const seq = await catchUpBook(deps, tx, accountId);
    return { seq, cards: (await listLiveCards(tx, accountId)).map(cardOf) };
  });
}

/** The book's sync counter alone (PROPFIND Depth 0: getctag, sync-token). */
export async function bookSeq(deps: Deps, accountId: string): Promise<number> {
  return deps.store.transaction((tx) => catchUpBook(deps, tx, accountId));
}

/** Live cards among `hrefs` (addressbook-multiget, GET); the missing ones are absent. */
export async function cardsAt(deps: Deps, accountId: string, hrefs: string[]): Promise<DavCard[]> {
  return deps.store.transaction(async (tx) => {
    await catchUpBook(deps, tx, accountId);
    return (await cardsByHref(tx, accountId, hrefs)).map(cardOf);
  });
}

/**
 * What changed after `since` (RFC 6578 sync-collection): each card once, with its latest state.
 * A counter above the book's own is not one we issued (DAV:valid-sync-token).
 */
/**
 * What changed since a sync token (null: everything live), oldest change first. With `limit`
 * (RFC 6578 §3.7) at most that many, and `seq` is then the token of the last one returned, so the
 * client's next request continues where this one stopped.
 */
export async function changesSince(
  deps: Deps,
  accountId: string,
  since: number | null,
  limit?: number,
): Promise<{ seq: number; changes: DavChange[]; truncated: boolean }> {
  return deps.store.transaction(async (tx) => {
    const seq = await catchUpBook(deps, tx, accountId);
    if (since !== null && since > seq)
      throw new DavPrecondition('this sync token was not issued by this book', 'valid-sync-token');
    const rows =
      since === null ? await listLiveCards(tx, accountId) : await cardsChangedSince(tx, accountId, since);
    const toChange = (r: DavCardRow): DavChange => ({ href: r.href, card: r.deleted ? null : cardOf(r) });
    if (limit === undefined || rows.length <= limit)
      return { seq, changes: rows.map(toChange), truncated: false };
    const shown = [...rows].sort((x, y) => x.seq - y.seq).slice(0, limit);
    return { seq: shown.at(-1)?.seq ?? since ?? 0, changes: shown.map(toChange), truncated: true };
  });
}

/** Checks If-Match against the live card (`*` matches any live card). */
export function assertIfMatch(card: DavCardRow | undefined, ifMatch: string | undefined): void {
  if (ifMatch === undefined) return;
  const live = card && !card.deleted ? card : undefined;
  const tags = ifMatch.split(',').map((t) => t.trim().replace(/^W\//, ''));
  if (!live || !(tags.includes('*') || tags.includes(live.etag)))
    throw new PreconditionFailed(`If-Match ${ifMatch} does not match the card's current ETag`);
}

/** A delete on the phone: the contact is deleted or untracked, as the account chose; the card leaves a tombstone. */
export async function deleteCard(
  deps: Deps,
  accountId: string,
  href: string,
  ifMatch: string | undefined,
): Promise<void> {
  await deps.store.transaction(async (tx) => {
    const book = await ensureBook(tx, accountId, nowIso(deps));
    await catchUpBook(deps, tx, accountId);
    const card = await findCard(tx, accountId, href);
    if (!card || card.deleted) throw new NotFound('no card at this address');
    assertIfMatch(card, ifMatch);
    let updatedAt = card.contact_updated_at;
    if (book.deleteMode === 'delete') await removeContactIn(tx, accountId, card.contact_id);
    else
      updatedAt = (await patchContactIn(deps, tx, accountId, card.contact_id, { tracked: false })).updatedAt;
    await markCardDeleted(tx, accountId, href, await allocateSeq(tx, accountId, 1), updatedAt);
  });
}

export async function davDeleteMode(deps: Deps, accountId: string): Promise<DavDeleteMode> {
  return (await ensureBook(deps.store.read, accountId, nowIso(deps))).deleteMode;
}

export async function setDavDeleteMode(deps: Deps, accountId: string, mode: DavDeleteMode): Promise<void> {
  await deps.store.transaction(async (tx) => {
    await ensureBook(tx, accountId, nowIso(deps));
    await setDeleteMode(tx, accountId, mode);
  });
}
