import type { Insertable, Selectable, Updateable } from 'kysely';
import { kysely } from './conn';
import type { CarddavConflictsTable, CarddavLinksTable, CarddavSubscriptionsTable } from './database';
import { decodeJson } from './json-columns';
import { mapByIds } from './rows-by-ids';
import type { Conn } from './store';

export type SubscriptionRow = Selectable<CarddavSubscriptionsTable>;
export type LinkRow = Selectable<CarddavLinksTable>;
/** A conflict with its JSON detail decoded; the service checks its shape (contract ConflictField). */
export type ConflictRow = Omit<Selectable<CarddavConflictsTable>, 'detail'> & { detail: unknown };

const decodedConflict = (r: Selectable<CarddavConflictsTable>): ConflictRow => ({
  ...r,
  detail: decodeJson(r.detail, 'carddav_conflicts.detail'),
});

export async function insertSubscription(
  conn: Conn,
  row: Insertable<CarddavSubscriptionsTable>,
): Promise<void> {
  await kysely(conn).insertInto('carddav_subscriptions').values(row).execute();
}

export async function listSubscriptions(conn: Conn, accountId: string): Promise<SubscriptionRow[]> {
  const db = kysely(conn);
  return db
    .selectFrom('carddav_subscriptions')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Every account's subscriptions (the scheduled job). */
export async function allSubscriptions(conn: Conn): Promise<SubscriptionRow[]> {
  const db = kysely(conn);
  return db.selectFrom('carddav_subscriptions').selectAll().orderBy('last_sync_at').execute();
}

export async function findSubscription(
  conn: Conn,
  accountId: string,
  id: string,
): Promise<SubscriptionRow | undefined> {
  const db = kysely(conn);
  return db
    .selectFrom('carddav_subscriptions')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function updateSubscription(
  conn: Conn,
  accountId: string,
  id: string,
  patch: Updateable<CarddavSubscriptionsTable>,
): Promise<void> {
  const db = kysely(conn);
  await db
    .updateTable('carddav_subscriptions')
    .set(patch)
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .execute();
}

/** Deletes the subscription; its links and conflicts go by cascade. */
export async function deleteSubscription(conn: Conn, accountId: string, id: string): Promise<number> {
  const db = kysely(conn);
  const r = await db
    .deleteFrom('carddav_subscriptions')
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function linksOf(conn: Conn, accountId: string, subscriptionId: string): Promise<LinkRow[]> {
  const db = kysely(conn);
  return db
    .selectFrom('carddav_links')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('subscription_id', '=', subscriptionId)
    .execute();
}

export async function upsertLink(conn: Conn, row: Insertable<CarddavLinksTable>): Promise<void> {
  const db = kysely(conn);
  const { account_id: _a, subscription_id: _s, href: _h, ...rest } = row;
  await db
    .insertInto('carddav_links')
    .values(row)
    .onConflict((oc) => oc.columns(['account_id', 'subscription_id', 'href']).doUpdateSet(rest))
    .execute();
}

export async function deleteLink(conn: Conn, accountId: string, subscriptionId: string, href: string) {
  const db = kysely(conn);
  await db
    .deleteFrom('carddav_links')
    .where('account_id', '=', accountId)
    .where('subscription_id', '=', subscriptionId)
    .where('href', '=', href)
    .execute();
}

/** Contacts created at or after `since` that no card of this subscription is linked to. */
export async function unlinkedContactsSince(
  conn: Conn,
  accountId: string,
  subscriptionId: string,
  since: string,
): Promise<string[]> {
  const db = kysely(conn);
  const rows = await db
    .selectFrom('contacts')
    .select('contacts.id')
    .where('contacts.account_id', '=', accountId)
    .where('contacts.created_at', '>=', since)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('carddav_links')
            .select('carddav_links.href')
            .whereRef('carddav_links.account_id', '=', 'contacts.account_id')
            .whereRef('carddav_links.contact_id', '=', 'contacts.id')
            .where('carddav_links.subscription_id', '=', subscriptionId),
        ),
      ),
    )
    .orderBy('contacts.id')
    .execute();
  return rows.map((r) => r.id);
}

/** Updated-at of these contacts (a missing one was deleted in Tend). */
export async function contactStamps(
  conn: Conn,
  accountId: string,
  ids: string[],
): Promise<Map<string, string>> {
  const db = kysely(conn);
  return mapByIds(
    ids,
    (slice) =>
      db
        .selectFrom('contacts')
        .select(['id', 'updated_at'])
        .where('account_id', '=', accountId)
        .where('id', 'in', slice)
        .execute(),
    (r) => r.id,
    (r) => r.updated_at,
  );
}

export async function conflictsOf(
  conn: Conn,
  accountId: string,
  subscriptionId?: string,
): Promise<ConflictRow[]> {
  const db = kysely(conn);
  let q = db.selectFrom('carddav_conflicts').selectAll().where('account_id', '=', accountId);
  if (subscriptionId !== undefined) q = q.where('subscription_id', '=', subscriptionId);
  return (await q.orderBy('created_at').orderBy('id').execute()).map(decodedConflict);
}

export async function findConflict(
  conn: Conn,
  accountId: string,
  id: string,
): Promise<ConflictRow | undefined> {
  const db = kysely(conn);
  const row = await db
    .selectFrom('carddav_conflicts')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && decodedConflict(row);
}

/** One open conflict per card: a newer state of the card replaces what was listed. */
export async function upsertConflict(conn: Conn, row: Insertable<CarddavConflictsTable>): Promise<void> {
  const db = kysely(conn);
  const { account_id: _a, subscription_id: _s, href: _h, id: _i, created_at: _c, ...rest } = row;
  await db
    .insertInto('carddav_conflicts')
    .values(row)
    .onConflict((oc) => oc.columns(['account_id', 'subscription_id', 'href']).doUpdateSet(rest))
    .execute();
}

export async function deleteConflict(conn: Conn, accountId: string, subscriptionId: string, href: string) {
  const db = kysely(conn);
  await db
    .deleteFrom('carddav_conflicts')
    .where('account_id', '=', accountId)
    .where('subscription_id', '=', subscriptionId)
    .where('href', '=', href)
    .execute();
}
