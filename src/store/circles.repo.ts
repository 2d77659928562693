import { type Insertable, type Selectable, sql } from 'kysely';
import { kysely } from './conn';
import type { CirclesTable } from './database';
import type { Conn } from './store';

export type CircleRow = Selectable<CirclesTable>;

export async function findCircle(conn: Conn, accountId: string, id: string): Promise<CircleRow | undefined> {
  const db = kysely(conn);
  return db
    .selectFrom('circles')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listCircles(conn: Conn, accountId: string): Promise<CircleRow[]> {
  const db = kysely(conn);
  return db
    .selectFrom('circles')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function insertCircles(conn: Conn, rows: Insertable<CirclesTable>[]): Promise<void> {
  const db = kysely(conn);
  if (rows.length) await db.insertInto('circles').values(rows).execute();
}

export async function updateCircle(
  conn: Conn,
  accountId: string,
  id: string,
  values: Partial<CircleRow>,
): Promise<void> {
  const db = kysely(conn);
  // An empty PATCH is a no-op: Kysely would build `UPDATE … SET WHERE`, a syntax error (a 500).
  if (Object.values(values).every((v) => v === undefined)) return;
  await db
    .updateTable('circles')
    .set(values)
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .execute();
}

/** Detaches the circle's contacts first: they keep their place in the network, just without a circle. */
export async function deleteCircle(conn: Conn, accountId: string, id: string): Promise<number> {
  const db = kysely(conn);
  await db
    .updateTable('contacts')
    .set({ circle_id: null })
    .where('account_id', '=', accountId)
    .where('circle_id', '=', id)
    .execute();
  const r = await db
    .deleteFrom('circles')
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Contacts per circle of the account (circles without contacts are absent). */
export async function countContactsByCircle(conn: Conn, accountId: string): Promise<Map<string, number>> {
  const db = kysely(conn);
  const rows = await db
    .selectFrom('contacts')
    .select(['circle_id', sql<number | string>`count(*)`.as('n')])
    .where('account_id', '=', accountId)
    .where('circle_id', 'is not', null)
    .groupBy('circle_id')
    .execute();
  // PostgreSQL returns count() as a bigint string.
  return new Map(rows.map((r) => [r.circle_id ?? '', Number(r.n)]));
}

/** Ids of the circle's contacts, for recomputing their schedules when the circle's cadence changes. */
export async function circleContactIds(conn: Conn, accountId: string, circleId: string): Promise<string[]> {
  const db = kysely(conn);
  const rows = await db
    .selectFrom('contacts')
    .select('id')
    .where('account_id', '=', accountId)
    .where('circle_id', '=', circleId)
    .execute();
  return rows.map((r) => r.id);
}
