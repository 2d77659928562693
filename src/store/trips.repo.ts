import type { Insertable, Selectable } from 'kysely';
import { TRIP_KINDS } from '../core/trips';
import type { CircleKind } from '../core/vocabulary';
import { kysely } from './conn';
import type { TripsTable } from './database';
import { oneOf, text, textOrNull } from './json-rows';
import { queryTemplate } from './query-template';
import type { Conn } from './store';

export type TripRow = Selectable<TripsTable>;

export async function insertTrip(conn: Conn, row: Insertable<TripsTable>): Promise<void> {
  const db = kysely(conn);
  await db.insertInto('trips').values(row).execute();
}

export async function findTrip(conn: Conn, accountId: string, id: string): Promise<TripRow | undefined> {
  const db = kysely(conn);
  return db
    .selectFrom('trips')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
}

type TripWindow = { accountId: string; endingFrom?: string; startingBy?: string; limit: number };

/** listTrips built once per shape (which bounds are given): Today's trips reason asks on every call. */
const tripsTemplate = queryTemplate<TripWindow>({
  key: (v) => `${v.endingFrom ? 'e' : ''}${v.startingBy ? 's' : ''}`,
  sentinel: (v, s) => ({
    accountId: s.text(),
    endingFrom: v.endingFrom ? s.text() : undefined,
    startingBy: v.startingBy ? s.text() : undefined,
    limit: s.int(),
  }),
  slots: (v) => [v.accountId, v.endingFrom, v.startingBy, v.limit],
  build: (db, f) => {
    let q = db.selectFrom('trips').selectAll().where('account_id', '=', f.accountId);
    if (f.endingFrom) q = q.where('ends_on', '>=', f.endingFrom);
    if (f.startingBy) q = q.where('starts_on', '<=', f.startingBy);
    return q.orderBy('starts_on', 'asc').orderBy('id', 'asc').limit(f.limit);
  },
});

const tripKind = oneOf(TRIP_KINDS);

/** Soonest first; with `endingFrom` (YYYY-MM-DD) only trips that have not ended before it. */
export async function listTrips(
  conn: Conn,
  accountId: string,
  f: { endingFrom?: string; startingBy?: string; limit: number },
): Promise<TripRow[]> {
  const db = kysely(conn);
  const rows = await db.executeQuery<Record<string, unknown>>(tripsTemplate(db, { accountId, ...f }));
  // The columns in the table's order, as `select *` read them.
  return rows.rows.map((r) => ({
    account_id: text(r.account_id),
    id: text(r.id),
    name: text(r.name),
    city: text(r.city),
    country: textOrNull(r.country),
    starts_on: text(r.starts_on),
    ends_on: text(r.ends_on),
    kind: tripKind(r.kind),
    created_at: text(r.created_at),
  }));
}

export async function updateTrip(
  conn: Conn,
  accountId: string,
  id: string,
  values: Partial<Omit<TripRow, 'account_id' | 'id'>>,
): Promise<void> {
  const db = kysely(conn);
  if (Object.values(values).every((v) => v === undefined)) return;
  await db
    .updateTable('trips')
    .set(values)
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .execute();
}

export async function deleteTrip(conn: Conn, accountId: string, id: string): Promise<number> {
  const db = kysely(conn);
  const res = await db
    .deleteFrom('trips')
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}

/**
 * The distinct (city, country) pairs the account's contacts live in, read from contacts_city_idx
 * alone: a network has far fewer cities than people, and folding accents happens in core.
 */
export async function contactCities(
  conn: Conn,
  accountId: string,
): Promise<{ city: string; country: string | null }[]> {
  const db = kysely(conn);
  const rows = await db
    .selectFrom('contacts')
    .select(['city', 'country'])
    .distinct()
    .where('account_id', '=', accountId)
    .where('city', 'is not', null)
    .execute();
  return rows.flatMap((r) => (r.city ? [{ city: r.city, country: r.country }] : []));
}

export interface CityContactRow {
  id: string;
  first_name: string;
  last_name: string;
  company: string | null;
  city: string | null;
  country: string | null;
  circle_id: string | null;
  circle_kind: CircleKind | null;
  tracked: number;
  last_meaningful_at: string | null;
}

/** Contacts whose city is one of `cities` exactly as stored (the folded match picked them). */
export async function contactsInCities(
  conn: Conn,
  accountId: string,
  cities: string[],
  opts: { trackedOnly?: boolean; limit: number },
): Promise<CityContactRow[]> {
  const db = kysely(conn);
  if (cities.length === 0) return [];
  let q = db
    .selectFrom('contacts as c')
    .leftJoin('circles as ci', (j) =>
      j.onRef('ci.account_id', '=', 'c.account_id').onRef('ci.id', '=', 'c.circle_id'),
    )
    .select([
      'c.id',
      'c.first_name',
      'c.last_name',
      'c.company',
      'c.city',
      'c.country',
      'c.circle_id',
      'ci.kind as circle_kind',
      'c.tracked',
      'c.last_meaningful_at',
    ])
    .where('c.account_id', '=', accountId)
    .where('c.city', 'in', cities);
  if (opts.trackedOnly) q = q.where('c.tracked', '=', 1);
  return q.orderBy('c.id').limit(opts.limit).execute();
}
