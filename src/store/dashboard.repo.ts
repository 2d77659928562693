import { type RawBuilder, sql } from 'kysely';
import type { CadenceKind, CadenceUnit, LedgerKind } from '../core/vocabulary';
import { kysely } from './conn';
import type { Conn } from './store';

const count = sql<number | string>`count(*)`;

/**
 * Tracked contacts with the columns their cadence comes from: the contact's own, else its circle's,
 * else yearly (no circle counts as "other"), as in services/schedule.ts; the anchor is the last
 * meaningful touch, or creation for someone never contacted (core/cadence.ts).
 */
function trackedContacts(conn: Conn, accountId: string) {
  const db = kysely(conn);
  return db
    .selectFrom('contacts as c')
    .leftJoin('circles as ci', (j) =>
      j.onRef('ci.account_id', '=', 'c.account_id').onRef('ci.id', '=', 'c.circle_id'),
    )
    .where('c.account_id', '=', accountId)
    .where('c.tracked', '=', 1)
    .select([
      sql<string>`case when c.cadence_kind is not null then c.cadence_kind when ci.id is not null then ci.cadence_kind else 'yearly' end`.as(
        'ek',
      ),
      sql<number>`coalesce(case when c.cadence_kind is not null then c.cadence_every else ci.cadence_every end, 0)`.as(
        'ee',
      ),
      sql<string>`coalesce(case when c.cadence_kind is not null then c.cadence_unit else ci.cadence_unit end, '')`.as(
        'eu',
      ),
      sql<string>`coalesce(c.last_meaningful_at, c.created_at)`.as('anchor'),
      'c.last_meaningful_at as lm',
    ]);
}

/** The raw cadence columns of one group of tracked contacts ('' / 0 where a column is empty). */
export interface CadenceKey {
  kind: CadenceKind;
  every: number;
  unit: CadenceUnit | '';
}

/** Anchor bounds of one cadence group, as ISO instants computed by the service from core rules. */
export interface GroupBounds extends CadenceKey {
  /** Anchor after this: not yet due. Null for cadences that are never due. */
  onTimeAfter: string | null;
  /** Anchor at or before this: overdue. */
  overdueFrom: string | null;
  /** healthFloors[k]: anchor at or after it puts the contact in health bucket k + 1 or higher. */
  healthFloors: string[];
}

function caseOver(groups: GroupBounds[], branch: (g: GroupBounds) => RawBuilder<unknown>, otherwise: string) {
  if (groups.length === 0) return sql`${sql.lit(otherwise)}`;
  const whens = groups.map(
    (g) => sql`when t.ek = ${g.kind} and t.ee = ${g.every} and t.eu = ${g.unit} then ${branch(g)}`,
  );
  return sql`case ${sql.join(whens, sql` `)} else ${sql.lit(otherwise)} end`;
}

/**
 * Tracked contacts counted by cadence state (on_time, due, overdue, none, no_history) and health
 * bucket (-1 for no history), in one
 * grouped query: each group's bounds turn into a CASE, so no row leaves the database.
 */
export async function trackedStates(
  conn: Conn,
  accountId: string,
  groups: GroupBounds[],
): Promise<{ state: string; bucket: number; n: number }[]> {
  const db = kysely(conn);
  const state = caseOver(
    groups,
    (g) =>
      g.onTimeAfter === null || g.overdueFrom === null
        ? sql`${sql.lit('none')}`
        : sql`(case when t.anchor > ${g.onTimeAfter} then ${sql.lit('on_time')} when t.anchor <= ${g.overdueFrom} then ${sql.lit('overdue')} else ${sql.lit('due')} end)`,
    'none',
  );
  const bucket = caseOver(
    groups,
    (g) => {
      if (g.healthFloors.length === 0) return sql`${sql.lit('0')}`;
      const whens = g.healthFloors
        .map((floor, k) => sql`when t.anchor >= ${floor} then ${sql.lit(String(k + 1))}`)
        .reverse();
      return sql`(case ${sql.join(whens, sql` `)} else ${sql.lit('0')} end)`;
    },
    '0',
  );
  // Never contacted is "no history": neither on time nor healthy, whatever the date they were added.
  const classified = db
    .selectFrom(trackedContacts(conn, accountId).as('t'))
    .select([
      sql<string>`(case when t.lm is null then ${sql.lit('no_history')} else ${state} end)`.as('state'),
      sql<string>`(case when t.lm is null then ${sql.lit('-1')} else ${bucket} end)`.as('bucket'),
    ]);
  const rows = await db
    .selectFrom(classified.as('x'))
    .select(['x.state', 'x.bucket', count.as('n')])
    .groupBy(['x.state', 'x.bucket'])
    .execute();
  return rows.map((r) => ({ state: r.state, bucket: Number(r.bucket), n: Number(r.n) }));
}

/**
 * Interactions per week and direction up to `until`, for weeks given as [start, end) ISO instants, in
 * their order. One correlated count per week and direction, each a range of interactions_recent_idx
 * (account_id, occurred_at, direction) read alone: no row is fetched and nothing is sorted. Grouping
 * 88,000 rows of a half-year by day needed a sort that was most of this query's 36 ms at 30,000
 * contacts. Stored times are ISO text, so ranges compare as text on both databases.
 */
export async function touchesPerWeek(
  conn: Conn,
  accountId: string,
  weeks: readonly { start: string; end: string }[],
  until: string,
): Promise<{ outbound: number; inbound: number }[]> {
  if (weeks.length === 0) return [];
  const db = kysely(conn);
  const values = weeks.map((w, i) => sql`(${sql.lit(i)}, ${w.start}, ${w.end})`);
  const counted = (direction: 'outbound' | 'inbound') =>
    sql`(select count(*) from interactions x where x.account_id = ${accountId} and x.occurred_at >= w.s and x.occurred_at < w.e and x.occurred_at <= ${until} and x.direction = ${sql.lit(direction)})`;
  const rows = await sql<{ i: number | string; outbound: number | string; inbound: number | string }>`
    with w(i, s, e) as (values ${sql.join(values)})
    select w.i as i, ${counted('outbound')} as outbound, ${counted('inbound')} as inbound
    from w order by w.i`.execute(db);
  return rows.rows.map((r) => ({ outbound: Number(r.outbound), inbound: Number(r.inbound) }));
}

/** Ledger entries per kind over the whole account. */
export async function ledgerKindCounts(
  conn: Conn,
  accountId: string,
): Promise<{ kind: LedgerKind; n: number }[]> {
  const db = kysely(conn);
  const rows = await db
    .selectFrom('ledger_entries')
    .select(['kind', count.as('n')])
    .where('account_id', '=', accountId)
    .groupBy('kind')
    .execute();
  return rows.map((r) => ({ kind: r.kind, n: Number(r.n) }));
}
