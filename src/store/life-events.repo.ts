import type { Insertable, Selectable } from 'kysely';
import type { Db, LifeEventsTable } from './database';

export type LifeEventRow = Selectable<LifeEventsTable>;

export async function insertLifeEvent(db: Db, row: Insertable<LifeEventsTable>): Promise<void> {
  await db.insertInto('life_events').values(row).execute();
}

export async function findLifeEvent(
  db: Db,
  accountId: string,
  id: string,
): Promise<LifeEventRow | undefined> {
  return db
    .selectFrom('life_events')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Newest first. */
export async function listLifeEvents(db: Db, accountId: string, contactId: string): Promise<LifeEventRow[]> {
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

export async function deleteLifeEvent(db: Db, accountId: string, id: string): Promise<number> {
  const r = await db
    .deleteFrom('life_events')
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
