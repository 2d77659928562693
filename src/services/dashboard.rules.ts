import { cadenceInterval } from '../core/cadence';
import { healthScore } from '../core/health';
import { DAY_MS, toIso, toMillis } from '../core/instant';
import type { Cadence } from '../core/vocabulary';
import type { CadenceKey, DashboardCircle, DashboardGroup, GroupBounds } from '../store/dashboard.repo';

/** Health buckets of the dashboard, lowest first. */
export const HEALTH_BUCKETS = [
  { label: '0–19', from: 0, to: 19 },
  { label: '20–39', from: 20, to: 39 },
  { label: '40–59', from: 40, to: 59 },
  { label: '60–79', from: 60, to: 79 },
  { label: '80–100', from: 80, to: 100 },
] as const;

/** The cadence a group's raw columns stand for (the same defaults as contact-dto's cadenceOf). */
export function cadenceOfKey(key: CadenceKey): Cadence {
  if (key.kind === 'custom') {
    return { kind: 'custom', every: key.every || 1, unit: key.unit || 'months' };
  }
  return { kind: key.kind };
}

/**
 * The cadence columns a plan group of tracked contacts is held to: the contacts' own cadence, else
 * their circle's, else yearly ('' / 0 where a column is empty; the defaults of contact-dto's
 * cadenceOf). A circle_id always names a circle (a foreign key).
 */
export function cadenceKeyOf(
  group: DashboardGroup,
  circles: ReadonlyMap<string, DashboardCircle>,
): CadenceKey {
  const circle = group.circleId ? circles.get(group.circleId) : undefined;
  const from = group.kind
    ? { kind: group.kind, every: group.every, unit: group.unit }
    : (circle ?? { kind: 'yearly' as const, every: null, unit: null });
  return { kind: from.kind, every: from.every ?? 0, unit: from.unit ?? '' };
}

/** Weeks the dashboard's touches chart shows, the current one last. */
export const TOUCH_WEEKS = 26;

/**
 * The Monday (00:00 UTC) of the first week the touches chart shows at `now`, as epoch ms: the ISO
 * week `now` falls in, TOUCH_WEEKS − 1 weeks back. Plain arithmetic: Luxon's startOf, minus and
 * plus for the 26 weeks were a tenth of the dashboard's CPU on the demo network.
 */
export function firstTouchWeek(now: string): number {
  const day = Math.floor(toMillis(now) / DAY_MS);
  // 1970-01-01 was a Thursday, so (day + 3) mod 7 is the days since Monday.
  const sinceMonday = (((day + 3) % 7) + 7) % 7;
  return (day - sinceMonday - (TOUCH_WEEKS - 1) * 7) * DAY_MS;
}

/** The ISO 8601 week ("2026-W11") of the week that starts on this Monday: the year of its Thursday. */
export function isoWeekOf(monday: number): string {
  const thursday = new Date(monday + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The recency points core/health.ts gives a contact last touched `elapsedMs` before `now`. */
function recencyAt(cadence: Cadence, now: string, elapsedMs: number): number {
  const anchor = toIso(toMillis(now) - elapsedMs);
  return healthScore({ cadence, lastMeaningfulAt: anchor, createdAt: anchor, interactions: [] }, now).parts
    .recency;
}

// Recency falls to 0 by twice the overdue limit; the longest cadence allowed (1000 months) stays inside this.
const SEARCH_LIMIT_MS = 200_000 * DAY_MS;

// recencyAt depends on the elapsed time only (the anchor is now − elapsed), so the search's answer
// is the same at every `now`: memoized per cadence, the binary search (34 health scores per bucket
// and group) ran on every dashboard request and was a quarter of its CPU.
const elapsedMemo = new Map<string, readonly number[]>();

/** Recency points of each health bucket above the lowest: recency is 40 points, bucket k needs 8k. */
const FLOOR_POINTS = HEALTH_BUCKETS.slice(1).map((b) => (b.from * 40) / 100);

/**
 * For each of FLOOR_POINTS, the longest elapsed time (ms) at which recency still earns it (recency
 * never rises with time). One key and lookup per cadence, not one per floor.
 */
function floorElapsed(cadence: Cadence, now: string): readonly number[] {
  // The cadence's fields spelled out: JSON.stringify of it, per group, cost more than the lookup.
  const key = cadence.kind === 'custom' ? `custom|${cadence.every}|${cadence.unit}` : cadence.kind;
  const known = elapsedMemo.get(key);
  if (known !== undefined) return known;
  const found = FLOOR_POINTS.map((points) => searchElapsed(cadence, now, points));
  if (elapsedMemo.size > 1000) elapsedMemo.clear();
  elapsedMemo.set(key, found);
  return found;
}

/**
 * The longest elapsed time (ms) at which recency still earns `points`: floorElapsed's search without
 * the memo (exported for the property test that compares the two).
 */
export function searchElapsed(cadence: Cadence, now: string, points: number): number {
  let lo = 0;
  let hi = SEARCH_LIMIT_MS;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (recencyAt(cadence, now, mid) >= points) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Anchor bounds for one cadence group at `now`: on time while now < anchor + due (nextDueAt), overdue
 * once now ≥ anchor + overdue (overdueAt), and the anchor from which health's recency part, scaled to
 * 0–100, reaches each bucket. Recency is 40 points, so bucket k (from 20k) needs 8k points.
 */
export function groupBounds(key: CadenceKey, now: string): GroupBounds {
  const cadence = cadenceOfKey(key);
  const interval = cadenceInterval(cadence);
  const end = toMillis(now);
  const healthFloors = floorElapsed(cadence, now).map((elapsed) => toIso(end - elapsed));
  return {
    ...key,
    onTimeAfter: interval ? toIso(end - interval.dueDays * DAY_MS) : null,
    overdueFrom: interval ? toIso(end - interval.overdueDays * DAY_MS) : null,
    healthFloors,
  };
}
