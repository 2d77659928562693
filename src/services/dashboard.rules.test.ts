import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { nextDueAt, overdueAt } from '../core/cadence';
import { healthScore } from '../core/health';
import { DAY_MS } from '../core/instant';
import type { CadenceKey } from '../store/dashboard.repo';
import {
  cadenceOfKey,
  firstTouchWeek,
  groupBounds,
  HEALTH_BUCKETS,
  isoWeekOf,
  searchElapsed,
  TOUCH_WEEKS,
} from './dashboard.rules';

const NOW = '2026-03-10T09:00:00.000Z';
const keys: CadenceKey[] = [
  { kind: 'monthly', every: 0, unit: '' },
  { kind: 'yearly', every: 0, unit: '' },
  { kind: 'custom', every: 3, unit: 'weeks' },
  { kind: 'ad_hoc', every: 0, unit: '' },
];

describe('dashboard bounds', () => {
  it('classify any anchor exactly as core/cadence and the recency part of core/health do', () => {
    for (const key of keys) {
      const b = groupBounds(key, NOW);
      const cadence = cadenceOfKey(key);
      for (let days = 0; days < 1200; days += 0.37) {
        const anchor = new Date(Date.parse(NOW) - days * DAY_MS).toISOString();
        const due = nextDueAt(anchor, cadence, anchor);
        const overdue = overdueAt(anchor, cadence, anchor);
        const state =
          b.onTimeAfter === null || b.overdueFrom === null
            ? 'none'
            : anchor > b.onTimeAfter
              ? 'on_time'
              : anchor <= b.overdueFrom
                ? 'overdue'
                : 'due';
        const expected =
          !due || !overdue ? 'none' : NOW < due ? 'on_time' : NOW >= overdue ? 'overdue' : 'due';
        expect(state, `${key.kind} at ${days} days`).toBe(expected);

        const pct =
          (healthScore({ cadence, lastMeaningfulAt: anchor, createdAt: anchor, interactions: [] }, NOW).parts
            .recency *
            100) /
          40;
        const bucket = b.healthFloors.filter((floor) => anchor >= floor).length;
        const want = HEALTH_BUCKETS.findIndex((h) => pct >= h.from && pct <= h.to + 0.99);
        expect(bucket, `${key.kind} at ${days} days (${pct})`).toBe(want);
      }
    }
  });

  it('memoized bounds equal the direct search at any now (the memo is keyed without now)', () => {
    const key = fc.oneof(
      fc.constantFrom(...keys),
      fc.record({
        kind: fc.constant('custom'),
        every: fc.integer({ min: 0, max: 1000 }),
        unit: fc.constantFrom('days', 'weeks', 'months', ''),
      }),
    );
    const now = fc
      .integer({ min: Date.parse('2000-01-01T00:00:00Z'), max: Date.parse('2100-01-01T00:00:00Z') })
      .map((t) => new Date(t).toISOString());
    fc.assert(
      fc.property(key, now, now, (k, first, second) => {
        groupBounds(k, first); // fills the memo at another now
        const b = groupBounds(k, second);
        const end = Date.parse(second);
        const direct = HEALTH_BUCKETS.slice(1).map((h) =>
          new Date(end - searchElapsed(cadenceOfKey(k), second, (h.from * 40) / 100)).toISOString(),
        );
        expect(b.healthFloors).toEqual(direct);
      }),
      { numRuns: 60, seed: 15 },
    );
  });
});

describe('health floors', () => {
  it('rise bucket by bucket for any cadence and now, so counting "at or past each floor" gives the buckets (property)', () => {
    // The states SQL counts, per group, the contacts at or after each floor; bucket k is then the
    // difference of two counts, which is the contacts passing exactly k floors only if the floors nest.
    const key = fc.oneof(
      fc.constantFrom(...keys),
      fc.record({
        kind: fc.constant('custom' as const),
        every: fc.integer({ min: 0, max: 1000 }),
        unit: fc.constantFrom('days' as const, 'weeks' as const, 'months' as const, '' as const),
      }),
    );
    const now = fc
      .integer({ min: Date.parse('2000-01-01T00:00:00Z'), max: Date.parse('2100-01-01T00:00:00Z') })
      .map((t) => new Date(t).toISOString());
    fc.assert(
      fc.property(key, now, (k, at) => {
        const floors = groupBounds(k, at).healthFloors;
        expect(floors).toHaveLength(HEALTH_BUCKETS.length - 1);
        for (let i = 1; i < floors.length; i++) expect(floors[i]! >= floors[i - 1]!).toBe(true);
      }),
      { numRuns: 200, seed: 15 },
    );
  });
});

describe('the touches chart weeks', () => {
  it('are the ISO weeks Luxon gives, from the Monday 25 weeks before the current one (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2200, 0, 1) }), (ms) => {
        const now = new Date(ms).toISOString();
        const first = DateTime.fromISO(now, { zone: 'utc' })
          .startOf('week')
          .minus({ weeks: TOUCH_WEEKS - 1 });
        expect(new Date(firstTouchWeek(now)).toISOString()).toBe(first.toISO());
        for (const i of [0, 1, 13, TOUCH_WEEKS - 1]) {
          const monday = first.plus({ weeks: i });
          expect(isoWeekOf(firstTouchWeek(now) + i * 7 * DAY_MS)).toBe(
            `${monday.weekYear}-W${String(monday.weekNumber).padStart(2, '0')}`,
          );
        }
      }),
      { numRuns: 2000, seed: 15 },
    );
  });

  it('name the weeks at a year boundary as ISO 8601 does', () => {
    // 2026-01-01 is a Thursday: the week from Monday 2025-12-29 is 2026-W01; 2021-01-03 is in 2020-W53.
    expect(isoWeekOf(Date.UTC(2025, 11, 29))).toBe('2026-W01');
    expect(isoWeekOf(Date.UTC(2020, 11, 28))).toBe('2020-W53');
    expect(new Date(firstTouchWeek('2026-03-10T09:00:00.000Z')).toISOString()).toBe(
      '2025-09-15T00:00:00.000Z',
    );
  });
});
