import { type Insertable, type Selectable, sql } from 'kysely';
import { ROLE_CHANGE_KINDS } from '../core/role-anniversary';
import { kysely } from './conn';
import type { Db, LifeEventsTable } from './database';
import { text, textOrNull } from './json-rows';
import { queryTemplate } from './query-template';
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
 * before `before`: the candidates for a yearly "one year in the new role", each with its contact's
 * zone and latest job change (`latest`, yyyy-MM-dd). Read as one index range of life_events per
 * (year, run of consecutive month-days), from the first year the account has a job change: a few
 * dozen seeks, where filtering every job change by its month-day read all of them (8,500 at 100,000
 * contacts, 10 ms a call; bench/RESULTS.md). The month-day filter is kept, so the ranges only need
 * to cover the matching rows. Two statements: the first job changes, then the rest; the zone and
 * the latest change are read for the `limit` rows kept only, not for every match.
 */
export async function roleChangesOn(
  conn: Conn,
  accountId: string,
  w: { monthDays: readonly string[]; before: string; limit: number },
): Promise<
  { contact_id: string; kind: string; occurred_on: string; time_zone: string | null; latest: string | null }[]
> {
  const db = kysely(conn);
  if (w.monthDays.length === 0) return [];
  // The first job change of each kind: one seek each (min over an index prefix), both in one
  // statement; grouping by kind instead walked every job change (3.5 ms at 100,000 contacts).
  const firsts = (await db.executeQuery<Record<string, unknown>>(roleTemplates.firsts(db, { accountId })))
    .rows[0];
  const first = [firsts?.a, firsts?.b]
    .map((f) => (typeof f === 'string' ? f : null))
    .reduce<string | null>((a, b) => (a === null || (b !== null && b < a) ? b : a), null);
  if (first === null) return [];
  // "Before `before`" is folded into the ranges' ends: a separate `occurred_on <` made SQLite walk
  // life_events_date_idx over every event since the range's start instead.
  const last = new Date(Date.parse(w.before) - 86_400_000).toISOString().slice(0, 10);
  const ranges: [string, string][] = [];
  for (let y = Number(first.slice(0, 4)); y <= Number(last.slice(0, 4)); y++)
    for (const [from, to] of monthDayRuns(w.monthDays)) {
      const end = `${y}-${to}` < last ? `${y}-${to}` : last;
      if (`${y}-${from}` <= end) ranges.push([`${y}-${from}`, end]);
    }
  if (ranges.length === 0) return [];
  const rows = await db.executeQuery<Record<string, unknown>>(
    roleTemplates.changes(db, { accountId, ranges, monthDays: w.monthDays, limit: w.limit }),
  );
  return rows.rows.map((r) => ({
    contact_id: text(r.contact_id),
    kind: text(r.kind),
    occurred_on: text(r.occurred_on),
    time_zone: textOrNull(r.time_zone),
    latest: textOrNull(r.latest),
  }));
}

type RoleChangeWindow = {
  accountId: string;
  ranges: readonly (readonly [string, string])[];
  monthDays: readonly string[];
  limit: number;
};

/** roleChangesOn's two statements, built once per shape (store/query-template.ts): Today runs them on every call. */
const roleTemplates = {
  firsts: queryTemplate<{ accountId: string }>({
    key: () => 'firsts',
    sentinel: (_, s) => ({ accountId: s.text() }),
    slots: (v) => [v.accountId],
    build: (db, { accountId }) => {
      const firstOf = (kind: (typeof ROLE_CHANGE_KINDS)[number]) =>
        db
          .selectFrom('life_events')
          .select((eb) => eb.fn.min('occurred_on').as('first'))
          .where('account_id', '=', accountId)
          .where('kind', '=', kind);
      const [newJob, newRole] = ROLE_CHANGE_KINDS;
      return db.selectNoFrom([firstOf(newJob).as('a'), firstOf(newRole).as('b')]);
    },
  }),
  changes: queryTemplate<RoleChangeWindow>({
    key: (v) => `${v.ranges.length}|${v.monthDays.length}`,
    sentinel: (v, s) => ({
      accountId: s.text(),
      ranges: v.ranges.map(() => [s.text(), s.text()] as const),
      monthDays: v.monthDays.map(() => s.text()),
      limit: s.int(),
    }),
    slots: (v) => [v.accountId, ...v.ranges.flat(), ...v.monthDays, v.limit],
    build: (db, v) => roleChangesQuery(db, v),
  }),
};

function roleChangesQuery(db: Db, { accountId, ranges, monthDays, limit }: RoleChangeWindow) {
  // VALUES columns are column1, column2 on both databases. The cross join keeps the ranges the
  // outer loop on SQLite (a plain join walked the date index of the whole account: 7 ms).
  const r = sql<{ column1: string; column2: string }>`(values ${sql.join(
    ranges.map((v) => sql`(${sql.join([...v])})`),
  )})`.as('r');
  const kept = db
    .selectFrom(r)
    .crossJoin('life_events as e')
    .select(['e.contact_id', 'e.kind', 'e.occurred_on'])
    .where('e.account_id', '=', accountId)
    .where('e.kind', 'in', ROLE_CHANGE_KINDS)
    .whereRef('e.occurred_on', '>=', 'r.column1')
    .whereRef('e.occurred_on', '<=', 'r.column2')
    .where(sql<string>`substr(e.occurred_on, 6, 5)`, 'in', [...monthDays])
    // The same order, as an expression no index holds: ordered by the column itself, SQLite took
    // life_events_date_idx for its order (and sorted anyway), fetching every event of the ranges'
    // days to test its kind; this way it seeks life_events_kind_idx per kind and range instead, a
    // quarter of the rows (role changes 2.1 -> 1.2 ms CPU within a 100,000-contact Today).
    .orderBy(sql`${sql.ref('e.occurred_on')} || ''`, 'desc')
    .orderBy('e.contact_id')
    .limit(limit)
    .as('k');
  // The contact and the latest change after the LIMIT: joined inside, every match read its contact
  // row first (a third of this read at 100,000 contacts). Cross join keeps `k` outside on SQLite.
  return db
    .selectFrom(kept)
    .crossJoin('contacts as c')
    .select((eb) => [
      'k.contact_id',
      'k.kind',
      'k.occurred_on',
      'c.time_zone',
      eb
        .selectFrom('life_events as l')
        .select((l) => l.fn.max('l.occurred_on').as('latest'))
        .where('l.account_id', '=', accountId)
        .whereRef('l.contact_id', '=', 'k.contact_id')
        .where('l.kind', 'in', ROLE_CHANGE_KINDS)
        .as('latest'),
    ])
    .where('c.account_id', '=', accountId)
    .whereRef('c.id', '=', 'k.contact_id')
    .orderBy('k.occurred_on', 'desc')
    .orderBy('k.contact_id');
}

/** Month-days ("MM-DD") as runs of consecutive calendar days, [first, last] each (a leap year's calendar). */
export function monthDayRuns(monthDays: readonly string[]): [string, string][] {
  const dayOf = (md: string) =>
    Date.UTC(2000, Number(md.slice(0, 2)) - 1, Number(md.slice(3, 5))) / 86_400_000;
  const sorted = [...new Set(monthDays)].sort();
  const runs: [string, string][] = [];
  for (const md of sorted) {
    const last = runs[runs.length - 1];
    if (last && dayOf(md) - dayOf(last[1]) <= 1) last[1] = md;
    else runs.push([md, md]);
  }
  return runs;
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
    .where('kind', 'in', ROLE_CHANGE_KINDS)
    .where('contact_id', 'in', [...contactIds])
    .groupBy('contact_id')
    .execute();
  return new Map(rows.map((r) => [r.contact_id, String(r.latest)]));
}
