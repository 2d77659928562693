import type { Dashboard } from '../contract/dashboard';
import { DAY_MS, toIso } from '../core/instant';
import { tally } from '../core/ledger';
import { dashboardGroups, type GroupBounds, groupCounts, touchesPerWeek } from '../store/dashboard.repo';
import type { Conn } from '../store/store';
import {
  cadenceKeyOf,
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
  // Each week ends where the next starts: 27 instants formatted, not 52.
  const mondays = Array.from({ length: TOUCH_WEEKS + 1 }, (_, i) => toIso(first + i * WEEK_MS));
  return Array.from({ length: TOUCH_WEEKS }, (_, i) => ({
    week: isoWeekOf(first + i * WEEK_MS),
    start: mondays[i] ?? '',
    end: mondays[i + 1] ?? '',
  }));
}

/** Health bucket k holds the contacts with history at or past k of a group's (nested) floors. */
function bucketCounts(withHistory: number, atLeast: readonly number[]): number[] {
  return HEALTH_BUCKETS.map((_, k) => (k === 0 ? withHistory : (atLeast[k - 1] ?? 0)) - (atLeast[k] ?? 0));
}

/** Tracked contacts per circle and own cadence, each group with its cadence's bounds and its counts. */
async function cadenceCounts(db: Conn, accountId: string, now: string) {
  const { groups, circles, ledger: kinds } = await dashboardGroups(db, accountId);
  const byId = new Map(circles.map((c) => [c.id, c]));
  const bounds = new Map<string, GroupBounds>();
  const withBounds = groups.map((g) => {
    const key = cadenceKeyOf(g, byId);
    const id = `${key.kind}|${key.every}|${key.unit}`;
    let b = bounds.get(id);
    if (!b) {
      b = groupBounds(key, now);
      bounds.set(id, b);
    }
    return { ...g, bounds: b };
  });
  return { withBounds, counts: await groupCounts(db, accountId, withBounds), kinds };
}

/**
 * F20 network dashboard in three statements, whatever the network's size: one packed read of the
 * tracked contacts per circle and own cadence (index-only counts), the circles' cadences and the
 * ledger; each group's contacts counted against the bounds of its cadence: health (its recency
 * part, from the derived last-touch column) and cadence adherence; and beside them touches per
 * week (index-only too).
 */
export async function getDashboard(deps: Deps, accountId: string): Promise<Dashboard> {
  const db = deps.store.read;
  const now = nowIso(deps);
  const weeks = chartWeeks(now);
  // Side by side: PostgreSQL counts the touches on another connection meanwhile.
  const [{ withBounds, counts, kinds }, touches] = await Promise.all([
    cadenceCounts(db, accountId, now),
    touchesPerWeek(db, accountId, weeks, now),
  ]);

  let tracked = 0;
  let noHistory = 0;
  let onTime = 0;
  let due = 0;
  let overdue = 0;
  const perBucket = HEALTH_BUCKETS.map(() => 0);
  for (const [i, c] of counts.entries()) {
    const b = withBounds[i]?.bounds;
    const withHistory = c.n - c.noHistory;
    tracked += c.n;
    noHistory += c.noHistory;
    if (b && b.onTimeAfter !== null && b.overdueFrom !== null) {
      onTime += c.onTime;
      overdue += c.overdue;
      due += withHistory - c.onTime - c.overdue;
    }
    for (const [k, n] of bucketCounts(withHistory, c.atLeast).entries())
      perBucket[k] = (perBucket[k] ?? 0) + n;
  }
  const buckets = HEALTH_BUCKETS.map((b, k) => ({ ...b, count: perBucket[k] ?? 0 }));
  const ledger = tally(kinds.map((k) => ({ kind: k.kind, count: k.n })));
  return {
    health: { basis: 'recency', tracked, noHistory, buckets },
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
