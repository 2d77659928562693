import type { Dashboard } from '../contract/dashboard';
import { DAY_MS } from '../core/instant';
import { tally } from '../core/ledger';
import { dashboardReads, trackedStates } from '../store/dashboard.repo';
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

/** The last 26 ISO weeks (UTC) ending with the current one, as [Monday, next Monday) instants. */
function chartWeeks(now: string): { week: string; start: string; end: string }[] {
  const first = firstTouchWeek(now);
  return Array.from({ length: TOUCH_WEEKS }, (_, i) => {
    const monday = first + i * WEEK_MS;
    return {
      week: isoWeekOf(monday),
      start: new Date(monday).toISOString(),
      end: new Date(monday + WEEK_MS).toISOString(),
    };
  });
}

/**
 * F20 network dashboard in two statements, whatever the network's size: one packed read of the
 * cadence groups (index-only counts), the circles' cadences, touches per week (index-only too) and
 * the ledger; then health (its recency part, from the derived last-touch columns) with cadence
 * adherence, whose bounds come from the cadences in force.
 */
export async function getDashboard(deps: Deps, accountId: string): Promise<Dashboard> {
  const db = deps.store.read;
  const now = nowIso(deps);
  const weeks = chartWeeks(now);
  const { groups, circles, touches, ledger: kinds } = await dashboardReads(db, accountId, weeks, now);
  const cadences = cadencesInForce(groups, circles);
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
    touches: {
      weeks: weeks.map((w, i) => ({
        week: w.week,
        start: w.start.slice(0, 10),
        outbound: touches[i]?.outbound ?? 0,
        inbound: touches[i]?.inbound ?? 0,
      })),
    },
    cadence: { tracked: onTime + due + overdue, onTime, due, overdue, noHistory },
    ledger,
  };
}
