import { type Insertable, type Selectable, sql } from 'kysely';
import type { CirclesTable, Db } from './database';

export type CircleRow = Selectable<CirclesTable>;

export async function findCircle(db: Db, accountId: string, id: string): Promise<CircleRow | undefined> {
  return db
    .selectFrom('circles')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listCircles(db: Db, accountId: string): Promise<CircleRow[]> {
  return db
    .selectFrom('circles')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function insertCircles(db: Db, rows: Insertable<CirclesTable>[]): Promise<void> {
  if (rows.length) await db.insertInto('circles').values(rows).execute();
}

export async function updateCircle(
  db: Db,
  accountId: string,
  id: string,
  values: Partial<CircleRow>,
): Promise<void> {
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
export async function deleteCircle(db: Db, accountId: string, id: string): Promise<number> {
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
export async function countContactsByCircle(db: Db, accountId: string): Promise<Map<string, number>> {
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
export async function circleContactIds(db: Db, accountId: string, circleId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('contacts')
    .select('id')
    .where('account_id', '=', accountId)
    .where('circle_id', '=', circleId)
    .execute();
  return rows.map((r) => r.id);
}
