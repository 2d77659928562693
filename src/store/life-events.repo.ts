import { type Insertable, type Selectable, sql } from 'kysely';
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

export async function updateLifeEvent(
  conn: Conn,
  accountId: string,
  id: string,
  values: Partial<Pick<LifeEventRow, 'kind' | 'title' | 'occurred_on'>>,
): Promise<number> {
  const db = kysely(conn);
  // An empty PATCH is a no-op: Kysely would build `UPDATE … SET WHERE`, a syntax error (a 500).
  if (Object.values(values).every((v) => v === undefined)) return 0;
  const r = await db
    .updateTable('life_events')
    .set(values)
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
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

/**
 * Job changes (new job, new role) whose month-day is one of `monthDays` ("03-10") and that happened
 * before `before`: the candidates for a yearly "one year in the new role". Through
 * life_events_kind_idx: only job changes are read, never the whole history.
 */
export async function roleChangesOn(
  conn: Conn,
  accountId: string,
  w: { monthDays: readonly string[]; before: string; limit: number },
): Promise<{ contact_id: string; kind: string; occurred_on: string; time_zone: string | null }[]> {
  const db = kysely(conn);
  if (w.monthDays.length === 0) return [];
  return db
    .selectFrom('life_events as e')
    .innerJoin('contacts as c', (j) =>
      j.onRef('c.account_id', '=', 'e.account_id').onRef('c.id', '=', 'e.contact_id'),
    )
    .select(['e.contact_id', 'e.kind', 'e.occurred_on', 'c.time_zone'])
    .where('e.account_id', '=', accountId)
    .where('e.kind', 'in', ['new_job', 'new_role'])
    .where('e.occurred_on', '<', w.before)
    .where(sql<string>`substr(e.occurred_on, 6, 5)`, 'in', [...w.monthDays])
    .orderBy('e.occurred_on', 'desc')
    .orderBy('e.contact_id')
    .limit(w.limit)
    .execute();
}

/** The latest job change (new job, new role) of each contact, yyyy-MM-dd. */
export async function latestRoleChanges(
  conn: Conn,
  accountId: string,
  contactIds: readonly string[],
): Promise<Map<string, string>> {
  const db = kysely(conn);
  if (contactIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('life_events')
    .select(['contact_id', (eb) => eb.fn.max('occurred_on').as('latest')])
    .where('account_id', '=', accountId)
    .where('kind', 'in', ['new_job', 'new_role'])
    .where('contact_id', 'in', [...contactIds])
    .groupBy('contact_id')
    .execute();
  return new Map(rows.map((r) => [r.contact_id, String(r.latest)]));
}
