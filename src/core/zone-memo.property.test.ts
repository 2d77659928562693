import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { sendWindow, sendWindowDirect } from './boundaries';
import { localDate } from './instant';

// Zones with DST at odd hours, at midnight, by 30 minutes, south of the equator, and none at all.
const ZONES = [
  'Europe/London',
  'America/New_York',
  'America/Santiago',
  'America/Havana',
  'America/Sao_Paulo',
  'Australia/Lord_Howe',
  'Pacific/Apia',
  'Pacific/Chatham',
  'Asia/Kathmandu',
  'Asia/Tehran',
  'Africa/Casablanca',
  'utc',
  'Not/AZone',
];

// Instants a few days either side of clock changes (northern and southern, 2011 Samoa's skipped
// day, 2026's), so the memo is asked across every kind of edge.
const EDGES = [
  '2011-12-29T10:00:00Z',
  '2019-11-03T03:00:00Z',
  '2026-03-08T07:00:00Z',
  '2026-03-29T01:00:00Z',
  '2026-04-05T03:00:00Z',
  '2026-09-06T04:00:00Z',
  '2026-10-25T01:00:00Z',
  '2026-11-01T06:00:00Z',
].map((iso) => Date.parse(iso));

/** Instants in the order a server sees them: a start near an edge, then steps of minutes to hours. */
const walk = fc
  .tuple(
    fc.constantFrom(...EDGES),
    fc.integer({ min: -3 * 86_400_000, max: 3 * 86_400_000 }),
    fc.array(fc.integer({ min: 1, max: 6 * 3_600_000 }), { minLength: 1, maxLength: 40 }),
  )
  .map(([edge, shift, steps]) => {
    let t = edge + shift;
    return steps.map((s) => {
      t += s;
      return new Date(t).toISOString();
    });
  });

const hours = fc.record({
  start: fc
    .integer({ min: 0, max: 23 * 60 })
    .map((m) => `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`),
  end: fc.constantFrom('17:30', '24:00', '23:59', '12:00', '02:30'),
  days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
});

describe('zone memos (core/zone-day, sendWindow)', () => {
  it('localDate through the per-zone day memo is the date Luxon gives at every instant', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), walk, (zone, instants) => {
        for (const now of instants) {
          const direct = DateTime.fromISO(now, { zone: zone === 'Not/AZone' ? 'utc' : zone });
          expect(localDate(now, zone), `${zone} ${now}`).toEqual({
            year: direct.year,
            month: direct.month,
            day: direct.day,
          });
        }
      }),
      { numRuns: 300, seed: 15 },
    );
  });

  it('sendWindow through its memo equals the direct computation, across clock changes', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), hours, walk, (zone, h, instants) => {
        for (const now of instants)
          expect(sendWindow(now, zone, h), `${zone} ${now} ${JSON.stringify(h)}`).toEqual(
            sendWindowDirect(now, zone, h),
          );
      }),
      { numRuns: 300, seed: 15 },
    );
  });
});
