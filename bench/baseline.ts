import { DateTime } from 'luxon';
import { TODAY_DEFAULTS } from '../src/core/today-queue';
import { MAX_LEAD_DAYS } from '../src/services/today.service';
import { DAY, iso } from './bench-time';

/** Runs one statement with `?` placeholders and returns its rows; one per dialect over its raw driver. */
export type RawQuery = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

/** The windows getToday derives from `now` (same constants as the service). */
export function todayWindow(nowIso: string) {
  const now = Date.parse(nowIso);
  const datePairs: { month: number; day: number; minLead: number }[] = [];
  for (let d = -1; d <= MAX_LEAD_DAYS + 1; d++) {
    const at = DateTime.fromMillis(now + d * DAY, { zone: 'utc' });
    datePairs.push({ month: at.month, day: at.day, minLead: Math.max(0, d - 1) });
    if (at.month === 2 && at.day === 28 && !at.isInLeapYear)
      datePairs.push({ month: 2, day: 29, minLead: Math.max(0, d - 1) });
  }
  return {
    now: iso(now),
    cadenceLimit: 300,
    taskHorizon: iso(now + TODAY_DEFAULTS.taskHorizonHours * 3_600_000),
    datePairs,
    lifeEventsSince: iso(now - (TODAY_DEFAULTS.lifeEventDays + 1) * DAY).slice(0, 10),
    retryFrom: iso(now - 220 * DAY),
    retryTo: iso(now - 21 * DAY),
    recentSince: iso(now - TODAY_DEFAULTS.capDays * DAY),
  };
}

const list = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** The candidate statements of todayRepo.todayCandidates, as plain SQL. */
export function candidateStatements(accountId: string, w: ReturnType<typeof todayWindow>) {
  const dateOr = w.datePairs
    .map(() => '("account_id" = ? AND "month" = ? AND "day" = ? AND "lead_days" >= ?)')
    .join(' OR ');
  return {
    due: {
      sql: `SELECT "id" FROM "contacts" WHERE "account_id" = ? AND "next_due_at" <= ? AND "id" NOT IN (SELECT "contact_id" FROM "queue_decisions" WHERE "account_id" = ? AND "until_at" > ?) ORDER BY "next_due_at", "id" LIMIT ?`,
      params: [accountId, w.now, accountId, w.now, w.cadenceLimit],
    },
    tasks: {
      sql: `SELECT "contact_id" AS "id" FROM "tasks" WHERE "account_id" = ? AND "done_at" IS NULL AND "due_at" <= ? AND "contact_id" IS NOT NULL`,
      params: [accountId, w.taskHorizon],
    },
    dates: {
      sql: `SELECT "contact_id" AS "id" FROM "important_dates" WHERE (${dateOr})`,
      params: w.datePairs.flatMap((p) => [accountId, p.month, p.day, p.minLead]),
    },
    events: {
      sql: `SELECT "contact_id" AS "id" FROM "life_events" WHERE "account_id" = ? AND "occurred_on" >= ?`,
      params: [accountId, w.lifeEventsSince],
    },
    retries: {
      sql: `SELECT "interactions"."contact_id" AS "id" FROM "interactions" INNER JOIN "contacts" ON "contacts"."account_id" = "interactions"."account_id" AND "contacts"."id" = "interactions"."contact_id" WHERE "interactions"."account_id" = ? AND "interactions"."awaiting_reply" = ? AND "interactions"."occurred_at" >= ? AND "interactions"."occurred_at" <= ? AND ("contacts"."last_inbound_at" IS NULL OR "contacts"."last_inbound_at" < "interactions"."occurred_at")`,
      params: [accountId, 1, w.retryFrom, w.retryTo],
    },
  };
}

/** The row loads of todayRepo.loadTodayRows for these candidates, as plain SQL. */
export function rowStatements(
  accountId: string,
  w: ReturnType<typeof todayWindow>,
  ids: string[],
  retryIds: string[],
) {
  const interactionCols = `"contact_id", "direction", "occurred_at", "awaiting_reply", "retry_step"`;
  const s = {
    contacts: {
      sql: `SELECT * FROM "contacts" WHERE "account_id" = ? AND "id" IN (${list(ids.length)})`,
      params: [accountId, ...ids],
    },
    circles: { sql: `SELECT "id", "kind" FROM "circles" WHERE "account_id" = ?`, params: [accountId] },
    dates: {
      sql: `SELECT "contact_id", "kind", "month", "day", "year", "lead_days" FROM "important_dates" WHERE "account_id" = ? AND "contact_id" IN (${list(ids.length)})`,
      params: [accountId, ...ids],
    },
    events: {
      sql: `SELECT "contact_id", "kind", "occurred_on" FROM "life_events" WHERE "account_id" = ? AND "contact_id" IN (${list(ids.length)}) AND "occurred_on" >= ?`,
      params: [accountId, ...ids, w.lifeEventsSince],
    },
    tasks: {
      sql: `SELECT "contact_id", "id", "kind", "title", "due_at" FROM "tasks" WHERE "account_id" = ? AND "contact_id" IN (${list(ids.length)}) AND "done_at" IS NULL AND "due_at" <= ?`,
      params: [accountId, ...ids, w.taskHorizon],
    },
    decisions: {
      sql: `SELECT "contact_id", "until_at" FROM "queue_decisions" WHERE "account_id" = ? AND "contact_id" IN (${list(ids.length)})`,
      params: [accountId, ...ids],
    },
    recent: {
      sql: `SELECT ${interactionCols} FROM "interactions" WHERE "account_id" = ? AND "contact_id" IN (${list(ids.length)}) AND "occurred_at" >= ?`,
      params: [accountId, ...ids, w.recentSince],
    },
    older: {
      sql: `SELECT ${interactionCols} FROM "interactions" WHERE "account_id" = ? AND "contact_id" IN (${list(retryIds.length)}) AND "occurred_at" >= ? AND "occurred_at" < ?`,
      params: [accountId, ...retryIds, w.retryFrom, w.recentSince],
    },
  };
  return retryIds.length ? s : { ...s, older: undefined };
}

/**
 * The floor getToday is measured against: the same candidate queries and row loads, sent straight to
 * the driver (in parallel, as the repo does), with no query builder, no grouping and no ranking.
 */
export async function baseline(run: RawQuery, accountId: string, nowIso: string) {
  const w = todayWindow(nowIso);
  const c = candidateStatements(accountId, w);
  const [due, tasks, dates, events, retries] = await Promise.all(
    [c.due, c.tasks, c.dates, c.events, c.retries].map((q) => run(q.sql, q.params)),
  );
  const ids = new Set<string>();
  for (const rows of [due, tasks, dates, events, retries])
    for (const r of rows!) if (r.id) ids.add(String(r.id));
  const retryIds = [...new Set(retries!.map((r) => String(r.id)))];
  const loads = rowStatements(accountId, w, [...ids], retryIds);
  const entries = Object.entries(loads).filter(([, q]) => q !== undefined) as [
    string,
    { sql: string; params: unknown[] },
  ][];
  const results = await Promise.all(entries.map(([, q]) => run(q.sql, q.params)));
  const counts: Record<string, number> = { candidates: ids.size };
  entries.forEach(([name], i) => {
    counts[name] = results[i]!.length;
  });
  return counts;
}
