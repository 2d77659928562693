import { sql } from 'kysely';
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
  decodeJsonRowSets,
  int,
  intOrNull,
  jsonRowSets,
  jsonRowSetsSql,
  oneOf,
  oneOfOrNull,
  packsRows,
  rowSet,
  text,
  textOrNull,
} from './json-rows';
import { type Marker, runNamedTemplate } from './query-template';
import type { Conn } from './store';

const count = sql<number | string>`count(*)`;

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

/** One group's tracked contacts counted against its bounds (the states and buckets follow from these). */
export interface GroupCounts {
  n: number;
  /** Never contacted. */
  noHistory: number;
  /** With history, last touched after onTimeAfter / at or before overdueFrom (0 when never due). */
  onTime: number;
  overdue: number;
  /** atLeast[k]: with history, last touched at or after healthFloors[k]. */
  atLeast: number[];
}

/** Health floors per group: one per bucket above the lowest (HEALTH_BUCKETS in services/dashboard.rules.ts). */
const FLOORS = [0, 1, 2, 3] as const;

/** A plan group's key as SQL: `= value` for a column set, `is null` for one that is empty. */
function keyIs(column: string, set: boolean, value: string) {
  return set ? sql`${sql.ref(column)} = ${value}` : sql`${sql.ref(column)} is null`;
}

/** The floor counts' column names in groupCountsQuery's rows: `f0` … `f3`. */
const FLOOR_COLUMNS = FLOORS.map((k) => `f${k}`);

/**
 * Names per index, spelled once for the process: building ~70 value names such as `f3_2` on every
 * request (and V8 interning each as a property key) was most of groupCounts' own CPU in a profile
 * of the demo dashboard.
 */
function spelledOnce<T>(spell: (i: number) => T): (i: number) => T {
  const spelled: T[] = [];
  return (i) => {
    let names = spelled[i];
    if (names === undefined) {
      names = spell(i);
      spelled[i] = names;
    }
    return names;
  };
}

/** The names of group i's values in groupCountsQuery. */
const groupValueNames = spelledOnce((i) => ({
  c: `c${i}`,
  k: `k${i}`,
  e: `e${i}`,
  u: `u${i}`,
  a: `a${i}`,
  o: `o${i}`,
  f: FLOORS.map((k) => `f${i}_${k}`),
}));

function groupCountsQuery(
  conn: Conn,
  groups: readonly (DashboardGroup & { bounds: GroupBounds })[],
  value: Marker<string>,
) {
  const db = kysely(conn);
  const arms = groups.map((g, i) => {
    const names = groupValueNames(i);
    const due = g.bounds.onTimeAfter !== null && g.bounds.overdueFrom !== null;
    // FILTER rather than count(CASE …): the aggregate steps only for the rows that match, not
    // once per row and count (~10 % of this statement on the demo network; both databases have it).
    const counted = (op: string, name: string) =>
      sql`count(*) filter (where last_meaningful_at ${sql.raw(op)} ${value(name)})`;
    const columns = [
      sql`${sql.lit(i)} as i`,
      sql`count(*) as n`,
      sql`count(*) filter (where last_meaningful_at is null) as nh`,
      sql`${due ? counted('>', names.a) : sql.lit(0)} as ot`,
      sql`${due ? counted('<=', names.o) : sql.lit(0)} as ov`,
      ...FLOORS.map((k) => sql`${counted('>=', names.f[k] ?? '')} as ${sql.ref(FLOOR_COLUMNS[k] ?? '')}`),
    ];
    return sql`select ${sql.join(columns)} from contacts where account_id = ${value('account')} and ${keyIs('circle_id', g.circleId !== null, value(names.c))} and ${keyIs('cadence_kind', g.kind !== null, value(names.k))} and ${keyIs('cadence_every', g.every !== null, value(names.e))} and ${keyIs('cadence_unit', g.unit !== null, value(names.u))} and tracked = 1`;
  });
  return sql<Record<string, unknown>>`${sql.join(arms, sql` union all `)}`.compile(db);
}

/**
 * Each plan group's tracked contacts counted against its cadence's bounds, one aggregate per group
 * over its own range of contacts_circle_idx (account_id, circle_id, cadence_kind, cadence_every,
 * cadence_unit, …, last_meaningful_at): no join to circles (the service resolves each group's
 * cadence), no CASE over every group on every row and no sort. Classifying each contact by a
 * CASE over the cadence groups and grouping the results was 45 ms of the dashboard's 64 at 30,000
 * contacts. The SQL is compiled once per shape of the groups (store/query-template.ts).
 */
export async function groupCounts(
  conn: Conn,
  accountId: string,
  groups: readonly (DashboardGroup & { bounds: GroupBounds })[],
): Promise<GroupCounts[]> {
  if (groups.length === 0) return [];
  const values: Record<string, unknown> = { account: accountId };
  let shape = 'dashboard-group-counts|';
  for (const [i, g] of groups.entries()) {
    if (g.bounds.healthFloors.length !== FLOORS.length)
      throw new Error('dashboard groups: four health floors expected');
    const names = groupValueNames(i);
    values[names.c] = g.circleId;
    values[names.k] = g.kind;
    values[names.e] = g.every;
    values[names.u] = g.unit;
    values[names.a] = g.bounds.onTimeAfter;
    values[names.o] = g.bounds.overdueFrom;
    for (const [k, floor] of g.bounds.healthFloors.entries()) values[names.f[k] ?? ''] = floor;
    const due = g.bounds.onTimeAfter !== null && g.bounds.overdueFrom !== null;
    const set = (v: unknown) => (v === null ? '0' : '1');
    shape += `${i === 0 ? '' : ','}${set(g.circleId)}${set(g.kind)}${set(g.every)}${set(g.unit)}${due ? 'd' : 'n'}`;
  }
  const rows = await runNamedTemplate(kysely(conn), shape, values, (value) =>
    groupCountsQuery(conn, groups, value),
  );
  const out: GroupCounts[] = groups.map(() => ({
    n: 0,
    noHistory: 0,
    onTime: 0,
    overdue: 0,
    atLeast: FLOORS.map(() => 0),
  }));
  for (const row of rows) {
    const g = out[Number(row.i)];
    if (!g) throw new Error(`dashboard groups: a row for group ${String(row.i)} of ${groups.length}`);
    g.n = Number(row.n);
    g.noHistory = Number(row.nh);
    g.onTime = Number(row.ot);
    g.overdue = Number(row.ov);
    g.atLeast = FLOOR_COLUMNS.map((column) => Number(row[column]));
  }
  return out;
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

/** What the dashboard reads to learn the cadences in force, in one packed statement. */
export interface DashboardGroups {
  groups: DashboardGroup[];
  circles: DashboardCircle[];
  ledger: { kind: LedgerKind; n: number }[];
}

const kindOf = oneOf(CADENCE_KINDS);
const unitOrNull = oneOfOrNull(CADENCE_UNITS);
const ledgerKind = oneOf(LEDGER_KINDS);
/** Counts read packed: SQLite's json_array and PostgreSQL's json_build_array of a bigint give numbers. */
const countOf = (v: unknown) => int(v);

/** Decoders of the packed rows, one per set. */
const GROUP_ROWS = {
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
};

function groupQueries(conn: Conn, account: string) {
  const db = kysely(conn);
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
  const { groups: g, circles: c, ledger: l } = GROUP_ROWS;
  return {
    groups: rowSet(groups, ['circle_id', 'cadence_kind', 'cadence_every', 'cadence_unit', 'n'], g.row),
    circles: rowSet(circles, ['id', 'cadence_kind', 'cadence_every', 'cadence_unit'], c.row),
    ledger: rowSet(ledger, ['kind', 'n'], l.row),
  };
}

/**
 * Tracked contacts grouped by circle and own cadence columns (a prefix of contacts_circle_idx, so
 * index-only and unsorted on SQLite; the plan's grouping by holiday country as well gives 4,952
 * groups of 56 at 30,000 contacts and 86 of 7 on the demo network), the circles' cadence columns
 * and the ledger per kind: one packed statement (store/json-rows.ts) compiled once
 * (store/query-template.ts). Three statements through Kysely's builder and compiler cost more CPU
 * than SQLite spent running them.
 */
export async function dashboardGroups(conn: Conn, accountId: string): Promise<DashboardGroups> {
  const db = kysely(conn);
  // Without the dialect's JSON functions (a handle not opened by store/) the queries run one by one.
  if (!packsRows(db)) return jsonRowSets(db, groupQueries(conn, accountId));
  const rows = await runNamedTemplate(db, 'dashboard-groups', { account: accountId }, (value) => {
    const packed = jsonRowSetsSql(db, groupQueries(conn, value('account')));
    if (!packed) throw new Error('dashboard groups: no JSON row functions');
    return packed.compile(db);
  });
  return decodeJsonRowSets(rows[0], GROUP_ROWS);
}

/** Week i's value names in touchesQuery. */
const weekValueNames = spelledOnce((i) => ({ s: `s${i}`, e: `e${i}` }));

function touchesQuery(conn: Conn, weeks: number, value: Marker<string>) {
  const rows = Array.from(
    { length: weeks },
    (_, i) => sql`(${sql.lit(i)}, ${value(weekValueNames(i).s)}, ${value(weekValueNames(i).e)})`,
  );
  const counted = (direction: 'outbound' | 'inbound') =>
    sql`count(*) filter (where x.direction = ${sql.lit(direction)})`;
  // Both counts from one scan of the week's range, as text, since a scalar subquery returns one value.
  // No ORDER BY: each row names its week, and touchesPerWeek puts it in place.
  return sql<{ i: number | string; touches: string }>`
    with w(i, s, e) as (values ${sql.join(rows)})
    select w.i as i, (select ${counted('outbound')} || ',' || ${counted('inbound')} from interactions x where x.account_id = ${value('account')} and x.occurred_at >= w.s and x.occurred_at < w.e and x.occurred_at <= ${value('until')}) as touches
    from w`.compile(kysely(conn));
}

/**
 * Interactions per week and direction up to `until`, for weeks given as [start, end) ISO instants,
 * in their order: a correlated subquery per week, a range of interactions_recent_idx
 * (account_id, occurred_at, direction) read alone and once for both directions (a count per
 * direction scanned each week twice, since direction comes after occurred_at in the index): no row
 * is fetched and nothing is sorted (grouping 88,000 rows of a half-year by day needed a sort that
 * was most of this query's 36 ms at 30,000 contacts). Counted with FILTER, and not sorted by week:
 * on the demo network ~15 % less SQLite time than count(CASE …) with ORDER BY. (Comparing each
 * closed week's rows with its end only and the current week's with `until` only, in two arms, saved
 * SQLite another ~10 % but cost PostgreSQL ~0.13 ms more planning a request: not taken.) Stored
 * times are ISO text, so ranges compare as text on both databases. Its own statement, so that
 * PostgreSQL runs it beside the cadence reads. (The 52 counts as columns of one row took PostgreSQL
 * 14 ms to plan, the VALUES list 0.5 ms.)
 */
export async function touchesPerWeek(
  conn: Conn,
  accountId: string,
  weeks: readonly { start: string; end: string }[],
  until: string,
): Promise<{ outbound: number; inbound: number }[]> {
  if (weeks.length === 0) return [];
  const values: Record<string, string> = { account: accountId, until };
  for (const [i, w] of weeks.entries()) {
    const names = weekValueNames(i);
    values[names.s] = w.start;
    values[names.e] = w.end;
  }
  const rows = await runNamedTemplate(kysely(conn), `dashboard-touches|${weeks.length}`, values, (value) =>
    touchesQuery(conn, weeks.length, value),
  );
  const out: { outbound: number; inbound: number }[] = weeks.map(() => ({ outbound: 0, inbound: 0 }));
  for (const r of rows) {
    const week = out[Number(r.i)];
    if (!week) throw new Error(`dashboard touches: a row for week ${String(r.i)} of ${weeks.length}`);
    const [outbound, inbound] = String(r.touches).split(',');
    week.outbound = Number(outbound);
    week.inbound = Number(inbound);
  }
  return out;
}
