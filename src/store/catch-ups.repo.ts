import type { Insertable, Selectable } from 'kysely';
import type { CatchUpStatus } from '../core/vocabulary';
import { kysely } from './conn';
import type { CatchUpsTable, Db } from './database';
import type { Conn } from './store';

export type CatchUpRow = Selectable<CatchUpsTable>;
/** A catch-up with the contact's name, as lists and the feed show it. */
export type CatchUpWithName = CatchUpRow & { first_name: string; last_name: string };

export interface CatchUpFilter {
  /** Only planned ones ending after this instant, soonest first (else newest first). */
  upcomingAfter?: string;
  contactId?: string;
  limit: number;
}

export async function insertCatchUp(conn: Conn, row: Insertable<CatchUpsTable>): Promise<void> {
  const db = kysely(conn);
  await db.insertInto('catch_ups').values(row).execute();
}

const withName = (db: Db) =>
  db
    .selectFrom('catch_ups as k')
    .innerJoin('contacts as c', (j) =>
      j.onRef('c.account_id', '=', 'k.account_id').onRef('c.id', '=', 'k.contact_id'),
    )
    .selectAll('k')
    .select(['c.first_name', 'c.last_name']);

export async function findCatchUp(
  conn: Conn,
  accountId: string,
  id: string,
): Promise<CatchUpWithName | undefined> {
  const db = kysely(conn);
  return withName(db).where('k.account_id', '=', accountId).where('k.id', '=', id).executeTakeFirst();
}

export async function listCatchUps(
  conn: Conn,
  accountId: string,
  f: CatchUpFilter,
): Promise<CatchUpWithName[]> {
  const db = kysely(conn);
  let q = withName(db).where('k.account_id', '=', accountId);
  if (f.contactId) q = q.where('k.contact_id', '=', f.contactId);
  if (f.upcomingAfter) {
    // A catch-up under way is upcoming until it ends; none lasts a day, so the start_at bound
    // lets the (account_id, status, start_at) index range-scan instead of reading the past.
    q = q
      .where('k.status', '=', 'planned')
      .where('k.start_at', '>', new Date(Date.parse(f.upcomingAfter) - 86_400_000).toISOString())
      .where('k.end_at', '>', f.upcomingAfter)
      .orderBy('k.start_at', 'asc');
  } else {
    q = q.orderBy('k.start_at', 'desc');
  }
  return q.orderBy('k.id', 'asc').limit(f.limit).execute();
}

/** Moves a planned catch-up to `status`; 0 when it is not (or no longer) planned. */
export async function settleCatchUp(
  conn: Conn,
  accountId: string,
  id: string,
  from: CatchUpStatus,
  values: Partial<Pick<CatchUpRow, 'status' | 'interaction_id'>>,
): Promise<number> {
  const db = kysely(conn);
  const res = await db
    .updateTable('catch_ups')
    .set(values)
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}
