import type { CompiledQuery } from 'kysely';
import { datePairs } from '../src/core/important-dates';
import { TODAY_DEFAULTS } from '../src/core/today-queue';
import { CANDIDATES_PER_REASON } from '../src/services/today.service';
import type { Conn } from '../src/store/store';
import {
  candidateQueries,
  dateBatches,
  packedCandidateQuery,
  packedRowQuery,
  pickNearest,
  rowQueries,
  todayStatements,
} from '../src/store/today.repo';
import { DAY, iso } from './bench-time';

/** Runs one statement with `?` (or `$n`) placeholders and returns its rows; one per dialect over its raw driver. */
export type RawQuery = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

/** The windows getToday derives from `now` (same constants as the service). */
export function todayWindow(nowIso: string) {
  const now = Date.parse(nowIso);
  return {
    now: iso(now),
    perReason: CANDIDATES_PER_REASON,
    taskHorizon: iso(now + TODAY_DEFAULTS.taskHorizonHours * 3_600_000),
    datePairs: datePairs(now),
    lifeEventsSince: iso(now - (TODAY_DEFAULTS.lifeEventDays + 1) * DAY).slice(0, 10),
    retryFrom: iso(now - 220 * DAY),
    retryTo: iso(now - 21 * DAY),
    recentSince: iso(now - TODAY_DEFAULTS.capDays * DAY),
  };
}

/** The SQL the repo sends, compiled by the store's own dialect: the baseline reads exactly the same rows. */
export function compiled(q: { compile(): CompiledQuery }): { sql: string; params: unknown[] } {
  const c = q.compile();
  return { sql: c.sql, params: [...c.parameters] };
}

/**
 * The floor getToday is measured against: the repo's candidate queries and row loads (packed as
 * loadTodayRows packs them), compiled by Kysely and sent straight to the driver (in parallel, as
 * the repo does), with no result mapping, no grouping and no ranking. With `prebuilt`, the same
 * statements from the repo's templates (todayStatements), as getToday sends them since 2026-12-02:
 * the floor without Kysely's building and compiling, which the plain baseline still pays.
 */
export async function baseline(
  run: RawQuery,
  conn: Conn,
  accountId: string,
  nowIso: string,
  prebuilt = false,
) {
  const w = todayWindow(nowIso);
  const exec = (q: { compile(): CompiledQuery }) => {
    const { sql, params } = compiled(q);
    return run(sql, params);
  };
  const statements = prebuilt ? todayStatements(conn) : null;
  if (prebuilt && !statements) throw new Error('baseline: this database has no prebuilt Today statements');
  const c = candidateQueries(conn, accountId, w);
  // The four bounded reasons as the repo sends them: one packed statement (ids as [[id], …]).
  const packedCandidates = statements
    ? { compile: () => statements.candidates(accountId, w) }
    : packedCandidateQuery(conn, accountId, w);
  const unpack = (value: unknown): Record<string, unknown>[] => {
    const list: unknown = typeof value === 'string' ? JSON.parse(value) : value;
    return Array.isArray(list) ? list.map((v) => ({ id: Array.isArray(v) ? v[0] : null })) : [];
  };
  const [due, tasks, events, retries] = packedCandidates
    ? await exec(packedCandidates).then(([row]) =>
        [row?.due, row?.tasks, row?.events, row?.retries].map(unpack),
      )
    : await Promise.all([c.due, c.tasks, c.events, c.retries].map(exec));
  const dates: Record<string, unknown>[] = [];
  for (const batch of dateBatches(w.datePairs)) {
    if (dates.length >= w.perReason) break;
    const limit = w.perReason - dates.length;
    const q = statements
      ? { compile: () => statements.datesOn(accountId, w.now, batch, limit) }
      : c.datesOn(batch, limit);
    const rows = (await exec(q)).map((r) => ({
      id: String(r.id),
      month: Number(r.month),
      day: Number(r.day),
      lead_days: Number(r.lead_days),
    }));
    // The repo keeps a batch's dates on their pairs in JavaScript; the baseline must read the same.
    dates.push(...pickNearest(batch, rows, w.perReason - dates.length));
  }
  const ids = new Set<string>();
  for (const rows of [due, tasks, dates, events, retries])
    for (const r of rows!) if (r.id) ids.add(String(r.id));
  const retryIds = [...new Set(retries!.map((r) => String(r.id)))];
  // The row loads as the repo sends them: one statement, each table's rows one JSON value (text on
  // SQLite, parsed by pg), which the repo parses too: so does the baseline, or it would skip work
  // the repo cannot. Without packing (no registered functions) the plain queries.
  const w2 = { ...w, retryIds };
  const packed = statements
    ? { compile: () => statements.rows(accountId, [...ids], w2) }
    : packedRowQuery(conn, accountId, [...ids], w2);
  const counts: Record<string, number> = { candidates: ids.size };
  if (packed) {
    const [row] = await exec(packed);
    for (const [name, value] of Object.entries(row ?? {})) {
      const list: unknown = typeof value === 'string' ? JSON.parse(value) : value;
      counts[name] = Array.isArray(list) ? list.length : 0;
    }
  } else {
    const loads = rowQueries(conn, accountId, [...ids], w2);
    const entries = Object.entries(loads).filter(([, q]) => q !== null) as [
      string,
      { compile(): CompiledQuery },
    ][];
    const results = await Promise.all(entries.map(([, q]) => exec(q)));
    entries.forEach(([name], i) => {
      counts[name] = results[i]!.length;
    });
  }
  return counts;
}
