import type { Insertable, Selectable } from 'kysely';
import { kysely } from './conn';
import type { LifeEventsTable } from './database';
import type { Conn } from './store';

export type LifeEventRow = Selectable<LifeEventsTable>;

export async function insertLifeEvent(conn: Conn, row: Insertable<LifeEventsTable>): Promise<void> {
  const db = kysely(conn);
  await db.insertInto('life_events').values(row).execute();
}

export async function findLifeEvent(
  conn: Conn,
  accountId: string,
  id: string,
): Promise<LifeEventRow | undefined> {
  const db = kysely(conn);
  return db
    .selectFrom('life_events')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Newest first. */
export async function listLifeEvents(
  conn: Conn,
  accountId: string,
  contactId: string,
): Promise<LifeEventRow[]> {
  const db = kysely(conn);
  return db
    .selectFrom('life_events')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('contact_id', '=', contactId)
    .orderBy('occurred_on', 'desc')
    .orderBy('id', 'desc')
    .limit(1000)
    .execute();
}

export async function deleteLifeEvent(conn: Conn, accountId: string, id: string): Promise<number> {
  const db = kysely(conn);
  const r = await db
    .deleteFrom('life_events')
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
