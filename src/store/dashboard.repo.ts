import { type RawBuilder, sql } from 'kysely';
import {
  CADENCE_KINDS,
  CADENCE_UNITS,
  type CadenceKind,
  type CadenceUnit,
  LEDGER_KINDS,
  type LedgerKind,
} from '../core/vocabulary';
import { kysely } from './conn';
import {
  decodeRowSets,
  hasJsonRows,
  int,
  intOrNull,
  jsonRowSets,
  jsonRowSetsSql,
  oneOf,
  oneOfOrNull,
  rowSet,
  text,
  textOrNull,
} from './json-rows';
import { type Marker, runPrebuilt } from './prebuilt-query';
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
    .where('c.tracked', '=', sql.lit(1))
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

/** The states query's branches for one group: never due ('n'), or due bounds and this many floors. */
const shapeOf = (g: GroupBounds) =>
  g.onTimeAfter === null || g.overdueFrom === null ? 'n' : `b${g.healthFloors.length}`;

function caseOver(
  groups: GroupBounds[],
  value: Marker<string>,
  branch: (g: GroupBounds, i: number) => RawBuilder<unknown>,
  otherwise: string,
) {
  if (groups.length === 0) return sql`${sql.lit(otherwise)}`;
  const whens = groups.map(
    (g, i) =>
      sql`when t.ek = ${value(`k${i}`)} and t.ee = ${value(`e${i}`)} and t.eu = ${value(`u${i}`)} then ${branch(g, i)}`,
  );
  return sql`case ${sql.join(whens, sql` `)} else ${sql.lit(otherwise)} end`;
}

function statesQuery(conn: Conn, groups: GroupBounds[], value: Marker<string>) {
  const db = kysely(conn);
  const state = caseOver(
    groups,
    value,
    (g, i) =>
      g.onTimeAfter === null || g.overdueFrom === null
        ? sql`${sql.lit('none')}`
        : sql`(case when t.anchor > ${value(`a${i}`)} then ${sql.lit('on_time')} when t.anchor <= ${value(`o${i}`)} then ${sql.lit('overdue')} else ${sql.lit('due')} end)`,
    'none',
  );
  const bucket = caseOver(
    groups,
    value,
    (g, i) => {
      if (g.healthFloors.length === 0) return sql`${sql.lit('0')}`;
      const whens = g.healthFloors
        .map((_, k) => sql`when t.anchor >= ${value(`f${i}_${k}`)} then ${sql.lit(String(k + 1))}`)
        .reverse();
      return sql`(case ${sql.join(whens, sql` `)} else ${sql.lit('0')} end)`;
    },
    '0',
  );
  // Never contacted is "no history": neither on time nor healthy, whatever the date they were added.
  const classified = db
    .selectFrom(trackedContacts(conn, value('account')).as('t'))
    .select([
      sql<string>`(case when t.lm is null then ${sql.lit('no_history')} else ${state} end)`.as('state'),
      sql<string>`(case when t.lm is null then ${sql.lit('-1')} else ${bucket} end)`.as('bucket'),
    ]);
  return db
    .selectFrom(classified.as('x'))
    .select(['x.state', 'x.bucket', count.as('n')])
    .groupBy(['x.state', 'x.bucket']);
}

/**
 * Tracked contacts counted by cadence state (on_time, due, overdue, none, no_history) and health
 * bucket (-1 for no history), in one grouped query: each group's bounds turn into a CASE, so no row
 * leaves the database. Its SQL is compiled once per shape of the groups (store/prebuilt-query.ts).
 */
export async function trackedStates(
  conn: Conn,
  accountId: string,
  groups: GroupBounds[],
): Promise<{ state: string; bucket: number; n: number }[]> {
  const values: Record<string, unknown> = { account: accountId };
  for (const [i, g] of groups.entries()) {
    values[`k${i}`] = g.kind;
    values[`e${i}`] = g.every;
    values[`u${i}`] = g.unit;
    values[`a${i}`] = g.onTimeAfter;
    values[`o${i}`] = g.overdueFrom;
    for (const [k, floor] of g.healthFloors.entries()) values[`f${i}_${k}`] = floor;
  }
  const rows = await runPrebuilt(
    kysely(conn),
    `dashboard-states|${groups.map(shapeOf).join(',')}`,
    values,
    (value) => statesQuery(conn, groups, value).compile(),
  );
  return rows.map((r) => ({ state: r.state, bucket: Number(r.bucket), n: Number(r.n) }));
}

/** Tracked contacts per circle and own cadence columns: the plan groups without the holiday country. */
export interface DashboardGroup {
  circleId: string | null;
  kind: CadenceKind | null;
  every: number | null;
  unit: CadenceUnit | null;
  n: number;
}

/** A circle's cadence columns, all the dashboard reads of it. */
export interface DashboardCircle {
  id: string;
  kind: CadenceKind;
  every: number | null;
  unit: CadenceUnit | null;
}

/** What the dashboard reads before it knows the cadences in force, in one packed statement. */
export interface DashboardReads {
  groups: DashboardGroup[];
  circles: DashboardCircle[];
  /** Per chart week, in the order given. */
  touches: { outbound: number; inbound: number }[];
  ledger: { kind: LedgerKind; n: number }[];
}

const kindOf = oneOf(CADENCE_KINDS);
const unitOrNull = oneOfOrNull(CADENCE_UNITS);
const ledgerKind = oneOf(LEDGER_KINDS);
/** Counts read packed: SQLite's json_array and PostgreSQL's json_build_array of a bigint give numbers. */
const countOf = (v: unknown) => int(v);

/**
 * The dashboard's reads that do not depend on the cadences in force, as one statement
 * (store/json-rows.ts): tracked contacts grouped by circle and own cadence (a prefix of
 * contacts_circle_idx, so index-only and unsorted; the plan's grouping by holiday country too
 * made 86 groups of the demo's 7 and cost four times as much), the circles' cadence columns, the
 * ledger per kind, and the touches per chart week and direction. Each week is one correlated count
 * per direction, a range of interactions_recent_idx (account_id, occurred_at, direction) read
 * alone: no row is fetched and nothing is sorted (grouping 88,000 rows of a half-year by day needed
 * a sort that was most of this query's 36 ms at 30,000 contacts). Stored times are ISO text, so
 * ranges compare as text on both databases. Five statements were 0.3 ms of Kysely and driver
 * overhead each on the demo network.
 */
/** Decoders of the packed reads' rows, one per set. */
const READ_ROWS = {
  groups: {
    row: (v: readonly unknown[]): DashboardGroup => ({
      circleId: textOrNull(v[0]),
      kind: v[1] === null ? null : kindOf(v[1]),
      every: intOrNull(v[2]),
      unit: unitOrNull(v[3]),
      n: countOf(v[4]),
    }),
  },
  circles: {
    row: (v: readonly unknown[]): DashboardCircle => ({
      id: text(v[0]),
      kind: kindOf(v[1]),
      every: intOrNull(v[2]),
      unit: unitOrNull(v[3]),
    }),
  },
  ledger: { row: (v: readonly unknown[]) => ({ kind: ledgerKind(v[0]), n: countOf(v[1]) }) },
  touches: { row: (v: readonly unknown[]): number[] => v.map(countOf) },
};

function readQueries(conn: Conn, weeks: number, value: Marker<string>) {
  const db = kysely(conn);
  const account = value('account');
  const groups = db
    .selectFrom('contacts')
    .select(['circle_id', 'cadence_kind', 'cadence_every', 'cadence_unit', count.as('n')])
    .where('account_id', '=', account)
    .where('tracked', '=', sql.lit(1))
    .groupBy(['circle_id', 'cadence_kind', 'cadence_every', 'cadence_unit']);
  const circles = db
    .selectFrom('circles')
    .select(['id', 'cadence_kind', 'cadence_every', 'cadence_unit'])
    .where('account_id', '=', account);
  const ledger = db
    .selectFrom('ledger_entries')
    .select(['kind', count.as('n')])
    .where('account_id', '=', account)
    .groupBy('kind');
  const counted = (i: number, direction: 'outbound' | 'inbound') =>
    sql<number>`(select count(*) from interactions x where x.account_id = ${account} and x.occurred_at >= ${value(`s${i}`)} and x.occurred_at < ${value(`e${i}`)} and x.occurred_at <= ${value('until')} and x.direction = ${sql.lit(direction)})`;
  const weekIndexes = Array.from({ length: weeks }, (_, i) => i);
  const touches = db.selectNoFrom(
    weekIndexes.flatMap((i) => [counted(i, 'outbound').as(`o${i}`), counted(i, 'inbound').as(`i${i}`)]),
  );
  const touchColumns = weekIndexes.flatMap((i) => [`o${i}` as const, `i${i}` as const]);
  return {
    groups: rowSet(
      groups,
      ['circle_id', 'cadence_kind', 'cadence_every', 'cadence_unit', 'n'],
      READ_ROWS.groups.row,
    ),
    circles: rowSet(circles, ['id', 'cadence_kind', 'cadence_every', 'cadence_unit'], READ_ROWS.circles.row),
    ledger: rowSet(ledger, ['kind', 'n'], READ_ROWS.ledger.row),
    touches: rowSet(touches, touchColumns, READ_ROWS.touches.row),
  };
}

/**
 * The dashboard's reads that do not depend on the cadences in force, as one statement
 * (store/json-rows.ts), compiled once (store/prebuilt-query.ts): tracked contacts grouped by circle
 * and own cadence (a prefix of contacts_circle_idx, so index-only and unsorted; the plan's grouping
 * by holiday country as well made 86 groups of the demo's 7 and cost four times as much), the
 * circles' cadence columns, the ledger per kind, and the touches per chart week and direction.
 * Each week is one correlated count per direction, a range of interactions_recent_idx (account_id,
 * occurred_at, direction) read alone: no row is fetched and nothing is sorted (grouping 88,000
 * rows of a half-year by day needed a sort that was most of this query's 36 ms at 30,000
 * contacts). Stored times are ISO text, so ranges compare as text on both databases.
 */
export async function dashboardReads(
  conn: Conn,
  accountId: string,
  weeks: readonly { start: string; end: string }[],
  until: string,
): Promise<DashboardReads> {
  const db = kysely(conn);
  const values: Record<string, string> = { account: accountId, until };
  for (const [i, w] of weeks.entries()) {
    values[`s${i}`] = w.start;
    values[`e${i}`] = w.end;
  }
  const queries = (value: Marker<string>) => readQueries(conn, weeks.length, value);
  // Without the dialect's JSON functions (a handle not opened by store/) the queries run one by one.
  const read = !hasJsonRows(db)
    ? await jsonRowSets(
        db,
        queries((name) => values[name] ?? ''),
      )
    : decodeRowSets(
        (
          await runPrebuilt(db, `dashboard-reads|${weeks.length}`, values, (value) => {
            const packed = jsonRowSetsSql(db, queries(value));
            if (!packed) throw new Error('dashboard reads: no JSON row functions');
            return packed.compile(db);
          })
        )[0],
        READ_ROWS,
      );
  const perWeek = read.touches[0] ?? [];
  return {
    groups: read.groups,
    circles: read.circles,
    ledger: read.ledger,
    touches: weeks.map((_, i) => ({ outbound: perWeek[2 * i] ?? 0, inbound: perWeek[2 * i + 1] ?? 0 })),
  };
}
