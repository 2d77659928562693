import type { Dashboard, TouchWeek } from '../contract/dashboard';
import { DAY_MS } from '../core/instant';
import { tally } from '../core/ledger';
import { listCircles } from '../store/circles.repo';
import { ledgerKindCounts, touchesPerDay, trackedStates } from '../store/dashboard.repo';
import { trackedPlanGroups } from '../store/health.repo';
import {
  cadencesInForce,
  firstTouchWeek,
  groupBounds,
  HEALTH_BUCKETS,
  isoWeekOf,
  TOUCH_WEEKS,
} from './dashboard.rules';
import { type Deps, nowIso } from './deps';

const WEEK_MS = 7 * DAY_MS;

/** The last 26 ISO weeks (UTC) ending with the current one, each with its touches counted by direction. */
function weekly(now: string, days: { day: string; direction: string; n: number }[]): TouchWeek[] {
  const start = firstTouchWeek(now);
  const weeks = Array.from({ length: TOUCH_WEEKS }, (_, i) => {
    const monday = start + i * WEEK_MS;
    return {
      week: isoWeekOf(monday),
      start: new Date(monday).toISOString().slice(0, 10),
      outbound: 0,
      inbound: 0,
    } satisfies TouchWeek;
  });
  // UTC days: whole weeks since the first Monday are plain arithmetic (a Luxon diff per row was a
  // quarter of the dashboard's CPU on the demo network).
  for (const d of days) {
    const index = Math.floor((Date.parse(d.day) - start) / WEEK_MS);
    const week = weeks[index];
    if (!week) continue;
    if (d.direction === 'outbound') week.outbound += d.n;
    else if (d.direction === 'inbound') week.inbound += d.n;
  }
  return weeks;
}

/**
 * F20 network dashboard in four grouped queries, whatever the network's size: the cadences in force
 * (the capacity plan's index-only counts), health (its recency part, from the derived last-touch
 * columns) with cadence adherence, touches per week (index-only too), and the ledger.
 */
export async function getDashboard(deps: Deps, accountId: string): Promise<Dashboard> {
  const db = deps.store.read;
  const now = nowIso(deps);
  const since = new Date(firstTouchWeek(now)).toISOString();
  const [groups, circles, days, kinds] = await Promise.all([
    trackedPlanGroups(db, accountId),
    listCircles(db, accountId),
    touchesPerDay(db, accountId, since, now),
    ledgerKindCounts(db, accountId),
  ]);
  const cadences = cadencesInForce(groups, new Map(circles.map((c) => [c.id, c])));
  const states = await trackedStates(
    db,
    accountId,
    cadences.map((c) => groupBounds(c, now)),
  );

  const sum = (state: string) => states.filter((s) => s.state === state).reduce((t, s) => t + s.n, 0);
  const buckets = HEALTH_BUCKETS.map((b, k) => ({
    ...b,
    count: states.filter((s) => s.bucket === k).reduce((t, s) => t + s.n, 0),
  }));
  const onTime = sum('on_time');
  const due = sum('due');
  const overdue = sum('overdue');
  const noHistory = sum('no_history');
  const ledger = tally(kinds.map((k) => ({ kind: k.kind, count: k.n })));
  return {
    health: { basis: 'recency', tracked: states.reduce((t, s) => t + s.n, 0), noHistory, buckets },
    touches: { weeks: weekly(now, days) },
    cadence: { tracked: onTime + due + overdue, onTime, due, overdue, noHistory },
    ledger,
  };
}
