import type { Insertable, Selectable } from 'kysely';
import { chunks } from './chunks';
import { kysely } from './conn';
import type { DavCardsTable } from './database';
import { mapByIds, rowsByIds } from './rows-by-ids';
import type { Conn } from './store';

export type DavCardRow = Selectable<DavCardsTable>;
export type DavDeleteMode = 'delete' | 'untrack';
export interface DavBook {
  seq: number;
  deleteMode: DavDeleteMode;
  /** Newest contacts.updated_at seen by the last catch-up; null before the first. */
  watermark: string | null;
  contactsCount: number | null;
}

/** The account's address book, created on first use. */
export async function ensureBook(conn: Conn, accountId: string, now: string): Promise<DavBook> {
  const db = kysely(conn);
  await db
    .insertInto('dav_books')
    .values({ account_id: accountId, created_at: now })
    .onConflict((oc) => oc.column('account_id').doNothing())
    .execute();
  const row = await db
    .selectFrom('dav_books')
    .select(['seq', 'delete_mode', 'watermark', 'contacts_count'])
    .where('account_id', '=', accountId)
    .executeTakeFirstOrThrow();
  return {
    seq: Number(row.seq),
    deleteMode: row.delete_mode,
    watermark: row.watermark,
    contactsCount: row.contacts_count === null ? null : Number(row.contacts_count),
  };
}

/**
 * Takes `n` numbers from the book's counter and returns the first. The UPDATE locks the book's row
 * until the transaction ends, so two writers never share a number and tokens only grow.
 */
export async function allocateSeq(conn: Conn, accountId: string, n: number): Promise<number> {
  const db = kysely(conn);
  const row = await db
    .updateTable('dav_books')
    .set((eb) => ({ seq: eb('seq', '+', n) }))
    .where('account_id', '=', accountId)
    .returning('seq')
    .executeTakeFirstOrThrow();
  return Number(row.seq) - n + 1;
}

export async function setDeleteMode(conn: Conn, accountId: string, mode: DavDeleteMode): Promise<void> {
  const db = kysely(conn);
  await db.updateTable('dav_books').set({ delete_mode: mode }).where('account_id', '=', accountId).execute();
}

export async function findCard(conn: Conn, accountId: string, href: string): Promise<DavCardRow | undefined> {
  const db = kysely(conn);
  return db
    .selectFrom('dav_cards')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('href', '=', href)
    .executeTakeFirst();
}

/** The live card with this UID (RFC 6352 §6.3.2.1 no-uid-conflict), if any. */
export async function findLiveCardByUid(
  conn: Conn,
  accountId: string,
  uid: string,
): Promise<DavCardRow | undefined> {
  const db = kysely(conn);
  return db
    .selectFrom('dav_cards')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('uid', '=', uid)
    .where('deleted', '=', 0)
    .executeTakeFirst();
}

export async function findCardsOfContacts(
  conn: Conn,
  accountId: string,
  contactIds: string[],
): Promise<DavCardRow[]> {
  const db = kysely(conn);
  return rowsByIds(contactIds, (ids) =>
    db
      .selectFrom('dav_cards')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('contact_id', 'in', ids)
      .execute(),
  );
}

/** Live cards in href order; `withBody` for REPORTs that return address data. */
export async function listLiveCards(conn: Conn, accountId: string): Promise<DavCardRow[]> {
  const db = kysely(conn);
  return db
    .selectFrom('dav_cards')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('deleted', '=', 0)
    .orderBy('href')
    .execute();
}

/** Live cards of the account among `hrefs`. */
export async function cardsByHref(conn: Conn, accountId: string, hrefs: string[]): Promise<DavCardRow[]> {
  const db = kysely(conn);
  return rowsByIds(hrefs, (slice) =>
    db
      .selectFrom('dav_cards')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('href', 'in', slice)
      .where('deleted', '=', 0)
      .execute(),
  );
}

/** Cards (tombstones included) changed after `seq`, oldest change first: one row per card. */
export async function cardsChangedSince(conn: Conn, accountId: string, seq: number): Promise<DavCardRow[]> {
  const db = kysely(conn);
  return db
    .selectFrom('dav_cards')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('seq', '>', seq)
    .orderBy('seq')
    .execute();
}

export async function upsertCard(conn: Conn, row: Insertable<DavCardsTable>): Promise<void> {
  const db = kysely(conn);
  const { account_id: _a, href: _h, ...rest } = row;
  await db
    .insertInto('dav_cards')
    .values(row)
    .onConflict((oc) => oc.columns(['account_id', 'href']).doUpdateSet(rest))
    .execute();
}

/** How many contacts the account has and the newest updated_at (index-only on contacts_updated_idx). */
export async function contactsSummary(
  conn: Conn,
  accountId: string,
): Promise<{ count: number; newest: string | null }> {
  const db = kysely(conn);
  const row = await db
    .selectFrom('contacts')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('newest')])
    .where('account_id', '=', accountId)
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), newest: row.newest ?? null };
}

export async function setWatermark(
  conn: Conn,
  accountId: string,
  watermark: string | null,
  contactsCount: number,
): Promise<void> {
  const db = kysely(conn);
  await db
    .updateTable('dav_books')
    .set({ watermark, contacts_count: contactsCount })
    .where('account_id', '=', accountId)
    .execute();
}

/**
 * Contacts whose card is missing or older than the contact (Tend changed them since); with
 * `since`, only among contacts updated at or after it.
 */
export async function staleContactIds(conn: Conn, accountId: string, since?: string): Promise<string[]> {
  const db = kysely(conn);
  let q = db
    .selectFrom('contacts')
    .leftJoin('dav_cards', (j) =>
      j
        .onRef('dav_cards.account_id', '=', 'contacts.account_id')
        .onRef('dav_cards.contact_id', '=', 'contacts.id'),
    )
    .select('contacts.id')
    .where('contacts.account_id', '=', accountId)
    .where((eb) =>
      eb.or([
        eb('dav_cards.href', 'is', null),
        eb('dav_cards.contact_updated_at', '<>', eb.ref('contacts.updated_at')),
      ]),
    );
  if (since !== undefined) q = q.where('contacts.updated_at', '>=', since);
  return (await q.execute()).map((r) => r.id);
}

/**
 * The contact is being deleted: its live cards become tombstones, each with a change number of its
 * own, in the caller's transaction (so the phone hears of the delete exactly once).
 */
export async function tombstoneCardsOfContact(
  conn: Conn,
  accountId: string,
  contactId: string,
): Promise<void> {
  const live = (await findCardsOfContacts(conn, accountId, [contactId])).filter((c) => !c.deleted);
  for (const card of live)
    await markCardDeleted(
      conn,
      accountId,
      card.href,
      await allocateSeq(conn, accountId, 1),
      card.contact_updated_at,
    );
}

/** Turns a card into a tombstone; `contactUpdatedAt` of an untracked contact keeps it from coming back. */
export async function markCardDeleted(
  conn: Conn,
  accountId: string,
  href: string,
  seq: number,
  contactUpdatedAt: string,
): Promise<void> {
  const db = kysely(conn);
  await db
    .updateTable('dav_cards')
    .set({ deleted: 1, seq, body: '', etag: '', contact_updated_at: contactUpdatedAt })
    .where('account_id', '=', accountId)
    .where('href', '=', href)
    .execute();
}

/** Bodies of the notes the cards' NOTE maps to, by note id. */
export async function noteBodies(
  conn: Conn,
  accountId: string,
  noteIds: string[],
): Promise<Map<string, string>> {
  const db = kysely(conn);
  return mapByIds(
    noteIds,
    (ids) =>
      db
        .selectFrom('notes')
        .select(['id', 'body'])
        .where('account_id', '=', accountId)
        .where('id', 'in', ids)
        .execute(),
    (r) => r.id,
    (r) => r.body,
  );
}

/** The first note of each contact in the notes list's order (pinned, then newest). */
export async function firstNotes(
  conn: Conn,
  accountId: string,
  contactIds: string[],
): Promise<Map<string, { id: string; body: string }>> {
  const db = kysely(conn);
  return mapByIds(
    contactIds,
    (ids) =>
      db
        .selectFrom('notes')
        .select(['id', 'contact_id', 'body'])
        .where('account_id', '=', accountId)
        .where('contact_id', 'in', ids)
        .orderBy('pinned', 'desc')
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute(),
    (r) => r.contact_id,
    (r) => ({ id: r.id, body: r.body }),
  );
}

/** Contact rows by id (any order). */
export async function contactRowsByIds(conn: Conn, accountId: string, contactIds: string[]) {
  const db = kysely(conn);
  return rowsByIds(contactIds, (ids) =>
    db
      .selectFrom('contacts')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('id', 'in', ids)
      .execute(),
  );
}

/** Writes many card rows, a statement per few hundred (the first sync of a large book). */
export async function upsertCards(conn: Conn, rows: Insertable<DavCardsTable>[]): Promise<void> {
  const db = kysely(conn);
  for (const slice of chunks(rows, 200)) {
    await db
      .insertInto('dav_cards')
      .values(slice)
      .onConflict((oc) =>
        oc.columns(['account_id', 'href']).doUpdateSet((eb) => ({
          contact_id: eb.ref('excluded.contact_id'),
          uid: eb.ref('excluded.uid'),
          body: eb.ref('excluded.body'),
          etag: eb.ref('excluded.etag'),
          seq: eb.ref('excluded.seq'),
          deleted: eb.ref('excluded.deleted'),
          contact_updated_at: eb.ref('excluded.contact_updated_at'),
          note_id: eb.ref('excluded.note_id'),
        })),
      )
      .execute();
  }
}

/** Records that the card is current for the contact's updated_at, without a new change. */
export async function touchCard(
  conn: Conn,
  accountId: string,
  href: string,
  contactUpdatedAt: string,
): Promise<void> {
  const db = kysely(conn);
  await db
    .updateTable('dav_cards')
    .set({ contact_updated_at: contactUpdatedAt })
    .where('account_id', '=', accountId)
    .where('href', '=', href)
    .execute();
}
