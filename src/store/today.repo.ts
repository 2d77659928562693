import { type Selectable, sql } from 'kysely';
import {
  CADENCE_KINDS,
  CADENCE_UNITS,
  CHANNELS,
  CIRCLE_KINDS,
  DATE_KINDS,
  DIRECTIONS,
  LIFE_EVENT_KINDS,
  TASK_KINDS,
} from '../core/vocabulary';
import { asConn, kysely } from './conn';
import type { ContactsTable, Db, InteractionsTable } from './database';
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
import { queryTemplate } from './query-template';
import type { Conn } from './store';

export interface CandidateWindow {
  now: string;
  /** How many candidates each reason may bring, strongest first; the queue shows far fewer. */
  perReason: number;
  taskHorizon: string;
  /**
   * (month, day) pairs nearest first, from yesterday (zones ahead of UTC) to the longest lead
   * ahead, with the lead each one needs.
   */
  datePairs: { month: number; day: number; minLead: number }[];
  lifeEventsSince: string;
  retryFrom: string;
  retryTo: string;
}

/**
 * The candidate queries, one per reason, each bounded and ordered by what makes that reason strong
 * (most overdue, earliest task, freshest news, oldest unanswered outreach), each read through its
 * own index so the queue never scans the network or its history. Snoozed and skipped contacts are
 * left out here already, so they cannot crowd out the others. Exported for the benchmark, which runs
 * the same SQL straight through the driver.
 */
export function candidateQueries(conn: Conn, accountId: string, w: CandidateWindow) {
  const db = kysely(conn);
  const hidden = db
    .selectFrom('queue_decisions')
    .select('contact_id')
    .where('account_id', '=', accountId)
    .where('until_at', '>', w.now);
  return {
    due: db
      .selectFrom('contacts')
      .select('id')
      .where('account_id', '=', accountId)
      .where('next_due_at', '<=', w.now)
      .where('id', 'not in', hidden)
      .orderBy('next_due_at')
      .orderBy('id')
      .limit(w.perReason),
    tasks: db
      .selectFrom('tasks')
      .select('contact_id as id')
      .where('account_id', '=', accountId)
      .where('done_at', 'is', null)
      .where('due_at', '<=', w.taskHorizon)
      .where('contact_id', 'is not', null)
      .where('contact_id', 'not in', hidden)
      .orderBy('due_at')
      .orderBy('id')
      .limit(w.perReason),
    events: db
      .selectFrom('life_events')
      .select('contact_id as id')
      .where('account_id', '=', accountId)
      .where('occurred_on', '>=', w.lifeEventsSince)
      .where('contact_id', 'not in', hidden)
      .orderBy('occurred_on', 'desc')
      .orderBy('contact_id')
      .limit(w.perReason),
    retries: db
      .selectFrom('interactions')
      .innerJoin('contacts', (j) =>
        j
          .onRef('contacts.account_id', '=', 'interactions.account_id')
          .onRef('contacts.id', '=', 'interactions.contact_id'),
      )
      .select('interactions.contact_id as id')
      .where('interactions.account_id', '=', accountId)
      .where('interactions.awaiting_reply', '=', 1)
      .where('interactions.occurred_at', '>=', w.retryFrom)
      .where('interactions.occurred_at', '<=', w.retryTo)
      .where((eb) =>
        eb.or([
          eb('contacts.last_inbound_at', 'is', null),
          eb('contacts.last_inbound_at', '<', eb.ref('interactions.occurred_at')),
        ]),
      )
      .where('interactions.contact_id', 'not in', hidden)
      .orderBy('interactions.occurred_at')
      .orderBy('interactions.contact_id')
      .limit(w.perReason),
    /**
     * Dates that may fall on these (month, day) pairs, read as the batch's (month, day) range
     * (dateBatches never lets a batch wrap the year), so the index walks that range only; pickNearest
     * keeps those whose lead reaches their pair and orders them. One day is filtered, ordered and
     * limited here already: then the index order serves the ORDER BY and the LIMIT stops the walk,
     * as on a large network, where the first day fills the reason. A batch of several days was an
     * OR and a CASE over every pair, whose building through Kysely cost more than the read (1.3 ms
     * of the demo network's Today for a dozen dates).
     */
    datesOn: (pairs: readonly { month: number; day: number; minLead: number }[], limit: number) => {
      const first = pairs[0];
      const last = pairs[pairs.length - 1];
      const one = pairs.length === 1 ? first : undefined;
      return db
        .selectFrom('important_dates')
        .select(['contact_id as id', 'month', 'day', 'lead_days'])
        .where('account_id', '=', accountId)
        .$if(one !== undefined, (q) =>
          q
            .where('month', '=', one?.month ?? 0)
            .where('day', '=', one?.day ?? 0)
            .where('lead_days', '>=', one?.minLead ?? 0),
        )
        .$if(one === undefined && first !== undefined && last !== undefined, (q) =>
          q
            .where(sql<boolean>`(month, day) >= (${first?.month}, ${first?.day})`)
            .where(sql<boolean>`(month, day) <= (${last?.month}, ${last?.day})`),
        )
        .where('contact_id', 'not in', hidden)
        .$if(one !== undefined, (q) => q.orderBy('contact_id').limit(limit));
    },
  };
}

/**
 * Of dates read for these pairs, those on a pair with at least its lead, ordered by pair (nearest
 * first), then contact id, at most `limit`: what an OR and a CASE over the pairs selected in SQL.
 */
export function pickNearest<R extends { id: string; month: number; day: number; lead_days: number }>(
  pairs: readonly { month: number; day: number; minLead: number }[],
  rows: readonly R[],
  limit: number,
): R[] {
  const at = new Map(pairs.map((p, i) => [p.month * 100 + p.day, { i, minLead: p.minLead }]));
  const kept: { i: number; row: R }[] = [];
  for (const row of rows) {
    const pair = at.get(row.month * 100 + row.day);
    if (pair && row.lead_days >= pair.minLead) kept.push({ i: pair.i, row });
  }
  kept.sort((a, b) => a.i - b.i || (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0));
  return kept.slice(0, limit).map((k) => k.row);
}

/**
 * The date pairs in two batches, nearest first, one datesOn query each: the first day alone (a
 * large network fills the reason there, and its LIMIT stops the index walk), then all the others
 * (a small network, where no day fills it, took one query per day, 33, and then 1, 2, 4, … days,
 * 6 statements; the rest of a 33-day window is a few hundred dates even at 10,000 contacts). A
 * batch ends early where the year wraps (31 December → 1 January), so each batch is one ascending
 * (month, day) range; the batches list every pair once, in order, so the dates found are the same.
 */
export function dateBatches<T extends { month: number; day: number }>(pairs: readonly T[]): T[][] {
  const batches: T[][] = [];
  for (let from = 0; from < pairs.length; ) {
    let to = from + 1;
    while (from > 0 && to < pairs.length && !wrapsBefore(pairs, to)) to++;
    batches.push(pairs.slice(from, to));
    from = to;
  }
  return batches;
}

/** Whether pair `i` comes before pair `i - 1` in (month, day) order: the year wrapped there. */
function wrapsBefore(pairs: readonly { month: number; day: number }[], i: number): boolean {
  const a = pairs[i - 1];
  const b = pairs[i];
  return a !== undefined && b !== undefined && (b.month < a.month || (b.month === a.month && b.day < a.day));
}

/**
 * The important dates nearest first (by pair, then contact id), at most `limit`: nearer dates score
 * higher, so the nearest days are read first, batch by batch, until the reason has enough.
 */
export async function nearestDates(
  q: Pick<ReturnType<typeof candidateQueries>, 'datesOn'>,
  pairs: CandidateWindow['datePairs'],
  limit: number,
): Promise<{ id: string }[]> {
  return nearestDatesBy((batch, n) => q.datesOn(batch, n).execute(), pairs, limit);
}

/** nearestDates with the batch read given (a template's, or the query builder's). */
async function nearestDatesBy(
  datesOn: (
    batch: CandidateWindow['datePairs'],
    limit: number,
  ) => Promise<{ id: string; month: number; day: number; lead_days: number }[]>,
  pairs: CandidateWindow['datePairs'],
  limit: number,
): Promise<{ id: string }[]> {
  const dates: { id: string }[] = [];
  for (const batch of dateBatches(pairs)) {
    if (dates.length >= limit) break;
    const rows = await datesOn(batch, limit - dates.length);
    dates.push(...pickNearest(batch, rows, limit - dates.length));
  }
  return dates;
}

type Pair = CandidateWindow['datePairs'][number];
const pairSlots = (p: Pair | undefined) => [p?.month, p?.day, p?.minLead];
const standInPair = (s: { int(): number }): Pair => ({ month: s.int(), day: s.int(), minLead: s.int() });

/**
 * Today's reads built and compiled once per shape (store/query-template.ts): the candidates, the
 * dates of one batch, the row loads of n candidates (m of them with unanswered outreach). Each is
 * the very query candidateQueries and rowQueries build, so the SQL text is the same.
 */
const templates = {
  candidates: queryTemplate<{ accountId: string; w: Omit<CandidateWindow, 'datePairs'> }>({
    key: () => 'candidates',
    sentinel: (_, s) => ({
      accountId: s.text(),
      w: {
        now: s.text(),
        perReason: s.int(),
        taskHorizon: s.text(),
        lifeEventsSince: s.text(),
        retryFrom: s.text(),
        retryTo: s.text(),
      },
    }),
    slots: ({ accountId, w }) => [
      accountId,
      w.now,
      w.perReason,
      w.taskHorizon,
      w.lifeEventsSince,
      w.retryFrom,
      w.retryTo,
    ],
    build: (db, { accountId, w }) =>
      packedOrThrow(db, candidateSets(candidateQueries(asConn(db), accountId, { ...w, datePairs: [] }))),
  }),
  datesOn: queryTemplate<{ accountId: string; now: string; batch: readonly Pair[]; limit: number }>({
    key: (v) => (v.batch.length === 1 ? 'one' : 'range'),
    sentinel: (v, s) => ({
      accountId: s.text(),
      now: s.text(),
      batch: v.batch.length === 1 ? [standInPair(s)] : [standInPair(s), standInPair(s)],
      limit: s.int(),
    }),
    slots: (v) => [
      v.accountId,
      v.now,
      v.limit,
      ...pairSlots(v.batch[0]),
      ...pairSlots(v.batch[v.batch.length - 1]),
    ],
    build: (db, v) =>
      candidateQueries(asConn(db), v.accountId, {
        now: v.now,
        perReason: 0,
        taskHorizon: '',
        datePairs: [],
        lifeEventsSince: '',
        retryFrom: '',
        retryTo: '',
      }).datesOn(v.batch, v.limit),
  }),
  rows: queryTemplate<{ accountId: string; ids: string[]; w: RowWindow }>({
    key: (v) => `${v.ids.length}|${v.w.retryIds.length}`,
    sentinel: (v, s) => ({
      accountId: s.text(),
      ids: v.ids.map(() => s.text()),
      w: {
        taskHorizon: s.text(),
        lifeEventsSince: s.text(),
        recentSince: s.text(),
        retryIds: v.w.retryIds.map(() => s.text()),
        retryFrom: s.text(),
      },
    }),
    slots: ({ accountId, ids, w }) => [
      accountId,
      ...ids,
      ...w.retryIds,
      w.taskHorizon,
      w.lifeEventsSince,
      w.recentSince,
      w.retryFrom,
    ],
    build: (db, v) => packedOrThrow(db, rowSets(asConn(db), v.accountId, v.ids, v.w)),
  }),
};

/**
 * The compiled statements todayCandidates and loadTodayRows send (from their templates), or null
 * where the database does not pack rows: for the benchmark's floor, which sends the same text.
 */
export function todayStatements(conn: Conn) {
  const db = kysely(conn);
  if (!packsRows(db)) return null;
  return {
    candidates: (accountId: string, w: Omit<CandidateWindow, 'datePairs'>) =>
      templates.candidates(db, { accountId, w }),
    datesOn: (accountId: string, now: string, batch: readonly Pair[], limit: number) =>
      templates.datesOn(db, { accountId, now, batch, limit }),
    rows: (accountId: string, ids: string[], w: RowWindow) => templates.rows(db, { accountId, ids, w }),
  };
}

function packedOrThrow(db: Db, sets: Parameters<typeof jsonRowSetsSql>[1]) {
  const packed = jsonRowSetsSql(db, sets);
  if (!packed) throw new Error('today reads: this database does not pack rows');
  return { compile: () => packed.compile(db) };
}

const dateRow = (r: Record<string, unknown>) => ({
  id: text(r.id),
  month: int(r.month),
  day: int(r.day),
  lead_days: int(r.lead_days),
});

/** Contact ids that may have a reason today (see candidateQueries), and those with unanswered outreach. */
export async function todayCandidates(
  conn: Conn,
  accountId: string,
  w: CandidateWindow,
): Promise<{ all: string[]; retry: string[] }> {
  const db = kysely(conn);
  // One statement for the four bounded reasons (store/json-rows.ts), then the dates nearest first,
  // each from its template where the database packs rows (all of ours do): no query is built here.
  let sets: {
    due: (string | null)[];
    tasks: (string | null)[];
    events: (string | null)[];
    retries: (string | null)[];
  };
  let dates: string[];
  if (packsRows(db)) {
    const packed = await db.executeQuery<Record<string, unknown>>(templates.candidates(db, { accountId, w }));
    sets = decodeJsonRowSets(packed.rows[0], CANDIDATE_ROWS);
    const datesOn = async (batch: readonly Pair[], limit: number) =>
      (
        await db.executeQuery<Record<string, unknown>>(
          templates.datesOn(db, { accountId, now: w.now, batch, limit }),
        )
      ).rows.map(dateRow);
    dates = (await nearestDatesBy(datesOn, w.datePairs, w.perReason)).map((d) => d.id);
  } else {
    const q = candidateQueries(conn, accountId, w);
    sets = await jsonRowSets(db, candidateSets(q));
    dates = (await nearestDates(q, w.datePairs, w.perReason)).map((d) => d.id);
  }
  const { due, tasks, events, retries } = sets;
  const ids = new Set<string>();
  for (const list of [due, tasks, dates, events, retries]) for (const id of list) if (id) ids.add(id);
  return { all: [...ids], retry: [...new Set(retries.filter((id) => id !== null))] };
}

const idOf = (v: readonly unknown[]) => textOrNull(v[0]);
const CANDIDATE_ROWS = {
  due: { row: idOf },
  tasks: { row: idOf },
  events: { row: idOf },
  retries: { row: idOf },
};

function candidateSets(q: ReturnType<typeof candidateQueries>) {
  return {
    due: rowSet(q.due, ['id'], idOf),
    tasks: rowSet(q.tasks, ['id'], idOf),
    events: rowSet(q.events, ['id'], idOf),
    retries: rowSet(q.retries, ['id'], idOf),
  };
}

/** The four bounded candidate reasons as todayCandidates sends them: one packed statement (for the baseline). */
export function packedCandidateQuery(conn: Conn, accountId: string, w: CandidateWindow) {
  const db = kysely(conn);
  const packed = jsonRowSetsSql(db, candidateSets(candidateQueries(conn, accountId, w)));
  return packed ? { compile: () => packed.compile(db) } : null;
}

/** What back-off and the frequency cap read of each interaction. */
const HISTORY_COLUMNS = ['contact_id', 'direction', 'occurred_at', 'awaiting_reply', 'retry_step'] as const;
export type HistoryRow = Pick<Selectable<InteractionsTable>, (typeof HISTORY_COLUMNS)[number]>;

/** The contact columns the queue reads: not the whole row, which at thousands of candidates costs. */
const CONTACT_COLUMNS = [
  'id',
  'first_name',
  'last_name',
  'company',
  'title',
  'time_zone',
  'working_hours',
  'preferred_channel',
  'circle_id',
  'tracked',
  'cadence_kind',
  'cadence_every',
  'cadence_unit',
  'last_meaningful_at',
  'last_inbound_at',
  'last_reply_channel',
  'created_at',
] as const satisfies readonly (keyof ContactsTable)[];

export type TodayContactRow = Pick<Selectable<ContactsTable>, (typeof CONTACT_COLUMNS)[number]>;

const DATE_COLUMNS = ['contact_id', 'kind', 'month', 'day', 'year', 'lead_days'] as const;
const EVENT_COLUMNS = ['contact_id', 'kind', 'occurred_on'] as const;
const TASK_COLUMNS = ['contact_id', 'id', 'kind', 'title', 'due_at'] as const;
const DECISION_COLUMNS = ['contact_id', 'until_at'] as const;
const CIRCLE_COLUMNS = ['id', 'kind', 'cadence_kind', 'cadence_every', 'cadence_unit'] as const;

export interface RowWindow {
  taskHorizon: string;
  lifeEventsSince: string;
  recentSince: string;
  retryIds: string[];
  retryFrom: string;
}

/** The row loads for these candidates, one query per table (exported for the benchmark). */
export function rowQueries(conn: Conn, accountId: string, ids: string[], w: RowWindow) {
  const db = kysely(conn);
  return {
    contacts: db
      .selectFrom('contacts')
      .select(CONTACT_COLUMNS)
      .where('account_id', '=', accountId)
      .where('id', 'in', ids),
    circles: db.selectFrom('circles').select(CIRCLE_COLUMNS).where('account_id', '=', accountId),
    dates: db
      .selectFrom('important_dates')
      .select(DATE_COLUMNS)
      .where('account_id', '=', accountId)
      .where('contact_id', 'in', ids),
    events: db
      .selectFrom('life_events')
      .select(EVENT_COLUMNS)
      .where('account_id', '=', accountId)
      .where('contact_id', 'in', ids)
      .where('occurred_on', '>=', w.lifeEventsSince),
    tasks: db
      .selectFrom('tasks')
      .select(TASK_COLUMNS)
      .where('account_id', '=', accountId)
      .where('contact_id', 'in', ids)
      .where('done_at', 'is', null)
      .where('due_at', '<=', w.taskHorizon),
    decisions: db
      .selectFrom('queue_decisions')
      .select(DECISION_COLUMNS)
      .where('account_id', '=', accountId)
      .where('contact_id', 'in', ids),
    recent: db
      .selectFrom('interactions')
      .select(HISTORY_COLUMNS)
      .where('account_id', '=', accountId)
      .where('contact_id', 'in', ids)
      .where('occurred_at', '>=', w.recentSince),
    // Contacts with unanswered outreach also need what happened since it, for the back-off state.
    older:
      w.retryIds.length === 0
        ? null
        : db
            .selectFrom('interactions')
            .select(HISTORY_COLUMNS)
            .where('account_id', '=', accountId)
            .where('contact_id', 'in', w.retryIds)
            .where('occurred_at', '>=', w.retryFrom)
            .where('occurred_at', '<', w.recentSince),
  };
}

/** One contact's interactions since `since`, oldest first (for its back-off state). */
export async function contactHistorySince(
  conn: Conn,
  accountId: string,
  contactId: string,
  since: string,
): Promise<HistoryRow[]> {
  const db = kysely(conn);
  return db
    .selectFrom('interactions')
    .select(HISTORY_COLUMNS)
    .where('account_id', '=', accountId)
    .where('contact_id', '=', contactId)
    .where('occurred_at', '>=', since)
    .orderBy('occurred_at')
    .execute();
}

export type TodayRows = {
  [K in Exclude<keyof ReturnType<typeof rowQueries>, 'older'>]: Awaited<
    ReturnType<ReturnType<typeof rowQueries>[K]['execute']>
  >;
};

const channelOrNull = oneOfOrNull(CHANNELS);
const cadenceKindOrNull = oneOfOrNull(CADENCE_KINDS);
const cadenceUnitOrNull = oneOfOrNull(CADENCE_UNITS);
const dateKind = oneOf(DATE_KINDS);
const lifeEventKind = oneOf(LIFE_EVENT_KINDS);
const taskKind = oneOf(TASK_KINDS);
const direction = oneOf(DIRECTIONS);
const circleKind = oneOf(CIRCLE_KINDS);
const cadenceKind = oneOf(CADENCE_KINDS);

/** The row decoders of the packed reads, one per row load, in the columns' order. */
const decode = {
  contacts: (v: readonly unknown[]): TodayContactRow => ({
    id: text(v[0]),
    first_name: text(v[1]),
    last_name: text(v[2]),
    company: textOrNull(v[3]),
    title: textOrNull(v[4]),
    time_zone: textOrNull(v[5]),
    working_hours: textOrNull(v[6]),
    preferred_channel: channelOrNull(v[7]),
    circle_id: textOrNull(v[8]),
    tracked: int(v[9]),
    cadence_kind: cadenceKindOrNull(v[10]),
    cadence_every: intOrNull(v[11]),
    cadence_unit: cadenceUnitOrNull(v[12]),
    last_meaningful_at: textOrNull(v[13]),
    last_inbound_at: textOrNull(v[14]),
    last_reply_channel: channelOrNull(v[15]),
    created_at: text(v[16]),
  }),
  dates: (v: readonly unknown[]) => ({
    contact_id: text(v[0]),
    kind: dateKind(v[1]),
    month: int(v[2]),
    day: int(v[3]),
    year: intOrNull(v[4]),
    lead_days: int(v[5]),
  }),
  events: (v: readonly unknown[]) => ({
    contact_id: text(v[0]),
    kind: lifeEventKind(v[1]),
    occurred_on: text(v[2]),
  }),
  tasks: (v: readonly unknown[]) => ({
    contact_id: textOrNull(v[0]),
    id: text(v[1]),
    kind: taskKind(v[2]),
    title: text(v[3]),
    due_at: text(v[4]),
  }),
  decisions: (v: readonly unknown[]) => ({ contact_id: text(v[0]), until_at: text(v[1]) }),
  circles: (v: readonly unknown[]) => ({
    id: text(v[0]),
    kind: circleKind(v[1]),
    cadence_kind: cadenceKind(v[2]),
    cadence_every: intOrNull(v[3]),
    cadence_unit: cadenceUnitOrNull(v[4]),
  }),
  history: (v: readonly unknown[]): HistoryRow => ({
    contact_id: text(v[0]),
    direction: direction(v[1]),
    occurred_at: text(v[2]),
    awaiting_reply: int(v[3]),
    retry_step: int(v[4]),
  }),
};

const PLAIN_ROW_DECODERS = {
  contacts: { row: decode.contacts },
  circles: { row: decode.circles },
  dates: { row: decode.dates },
  events: { row: decode.events },
  tasks: { row: decode.tasks },
  decisions: { row: decode.decisions },
  recent: { row: decode.history },
};
const ROW_DECODERS = { ...PLAIN_ROW_DECODERS, older: { row: decode.history } };

/** Today's row loads as one packed statement (store/json-rows.ts), each with its decoder. */
function rowSets(conn: Conn, accountId: string, ids: string[], w: RowWindow) {
  const q = rowQueries(conn, accountId, ids, w);
  const sets = {
    contacts: rowSet(q.contacts, CONTACT_COLUMNS, decode.contacts),
    circles: rowSet(q.circles, CIRCLE_COLUMNS, decode.circles),
    dates: rowSet(q.dates, DATE_COLUMNS, decode.dates),
    events: rowSet(q.events, EVENT_COLUMNS, decode.events),
    tasks: rowSet(q.tasks, TASK_COLUMNS, decode.tasks),
    decisions: rowSet(q.decisions, DECISION_COLUMNS, decode.decisions),
    recent: rowSet(q.recent, HISTORY_COLUMNS, decode.history),
  };
  return q.older ? { ...sets, older: rowSet(q.older, HISTORY_COLUMNS, decode.history) } : sets;
}

/** The row loads as loadTodayRows sends them: one packed statement (for the benchmark's baseline). */
export function packedRowQuery(conn: Conn, accountId: string, ids: string[], w: RowWindow) {
  const db = kysely(conn);
  const packed = jsonRowSetsSql(db, rowSets(conn, accountId, ids, w));
  return packed ? { compile: () => packed.compile(db) } : null;
}

/**
 * Everything the queue needs about these contacts, one query per table, all sent as one statement
 * with each table's rows packed as one JSON value (store/json-rows.ts): as eight statements of plain
 * rows they were a third of Today's SQLite time on the demo network.
 */
export async function loadTodayRows(
  conn: Conn,
  accountId: string,
  ids: string[],
  w: RowWindow,
): Promise<TodayRows> {
  if (ids.length === 0)
    return { contacts: [], circles: [], dates: [], events: [], tasks: [], decisions: [], recent: [] };
  const db = kysely(conn);
  if (!packsRows(db)) {
    const rows = await jsonRowSets(db, rowSets(conn, accountId, ids, w));
    const older = 'older' in rows ? rows.older : [];
    return { ...rows, recent: [...older, ...rows.recent] };
  }
  const packed = await db.executeQuery<Record<string, unknown>>(templates.rows(db, { accountId, ids, w }));
  if (w.retryIds.length === 0) return decodeJsonRowSets(packed.rows[0], PLAIN_ROW_DECODERS);
  const { older, ...rows } = decodeJsonRowSets(packed.rows[0], ROW_DECODERS);
  return { ...rows, recent: [...older, ...rows.recent] };
}
