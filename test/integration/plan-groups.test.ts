import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cadenceInterval } from '../../src/core/cadence';
import { touchesPerWeek } from '../../src/core/capacity';
import type { Cadence } from '../../src/core/vocabulary';
import { signUp, type TestApp, testApp } from '../helpers/app';
import { dialects, freshStore, type TestStore } from '../helpers/stores';

// The test clock: 2026-03-10T09:00Z.
const NOW = Date.parse('2026-03-10T09:00:00.000Z');
const DAY = 86_400_000;
// The Monday that opens the dashboard's 26 chart weeks at NOW.
const FIRST_MONDAY = Date.parse('2025-09-15T00:00:00.000Z');

// Three circles: one with a cadence, one that follows the circle kind's default, one ad hoc. Holidays
// are chosen for the first and the last (whose contacts count only with a rhythm of their own).
const CIRCLES = [
  { name: 'Founders', kind: 'peer', cadence: { kind: 'monthly' } },
  { name: 'Mentors', kind: 'mentor', cadence: { kind: 'quarterly' } },
  { name: 'Loose', kind: 'other', cadence: { kind: 'ad_hoc' } },
] as const satisfies readonly { name: string; kind: string; cadence: Cadence }[];

const person = fc.record({
  circle: fc.constantFrom(0, 1, 2, null),
  cadence: fc.constantFrom<Cadence | null>(
    null,
    { kind: 'monthly' },
    { kind: 'yearly' },
    { kind: 'custom', every: 6, unit: 'weeks' },
    { kind: 'ad_hoc' },
  ),
  tracked: fc.boolean(),
  country: fc.constantFrom('India', 'Germany', null),
  // 1.375 and 176.375 days before NOW are the Mondays (00:00Z) that open the current and the first chart week.
  touchedDaysAgo: fc.constantFrom(null, 1.375, 3, 31.5, 40, 100, 176.375, 176.4, 250, 400),
});
type Person = typeof person extends fc.Arbitrary<infer P> ? P : never;

// One network with each circle and each own cadence once (tracked, with a country), and one untracked:
// every branch of the counting rules, whatever the random networks happen to hold.
const everyKindOnce: Person[] = [
  ...([0, 1, 2, null] as const).flatMap((circle, i) =>
    ([null, { kind: 'ad_hoc' }, { kind: 'yearly' }] as const).map((cadence, j) => ({
      circle,
      cadence,
      tracked: true,
      country: 'India' as const,
      touchedDaysAgo: ([3, 40, 176.375, 400, null] as const)[(i + j) % 5] ?? null,
    })),
  ),
  { circle: 0, cadence: null, tracked: false, country: 'India' as const, touchedDaysAgo: 3 },
];

/** The cadence each person is held to, as the rules define it: their own, else their circle's, else yearly. */
const inForce = (p: Person): Cadence =>
  p.cadence ?? (p.circle === null ? { kind: 'yearly' } : CIRCLES[p.circle].cadence);

/** The dashboard's cadence state of one tracked person at NOW, straight from core's intervals. */
function stateOf(p: Person): 'onTime' | 'due' | 'overdue' | 'noHistory' | null {
  if (p.touchedDaysAgo === null) return 'noHistory';
  const interval = cadenceInterval(inForce(p));
  if (!interval) return null;
  const anchor = NOW - p.touchedDaysAgo * DAY;
  if (anchor > NOW - interval.dueDays * DAY) return 'onTime';
  if (anchor <= NOW - interval.overdueDays * DAY) return 'overdue';
  return 'due';
}

// The capacity plan, its holiday audience and the dashboard's cadence groups read counted groups
// (contacts per circle, own cadence and holiday country) instead of each contact: on generated
// networks, every count they give matches counting the people one by one.
describe.each(dialects)('counts from grouped contacts on %s', (dialect) => {
  let store: TestStore;
  let t: TestApp;
  let accounts = 0;

  beforeAll(async () => {
    store = await freshStore(dialect);
    t = await testApp(store);
  });
  afterAll(async () => {
    await t.app.close();
    await store.close();
  });

  it('match counting each person: holiday audience, capacity per circle, dashboard states (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(person, { minLength: 1, maxLength: 12 }), async (people) => {
        accounts += 1;
        const ada = await signUp(t.app, `ada${accounts}@example.com`);
        const circleIds: string[] = [];
        for (const c of CIRCLES) {
          const res = await ada.call('POST', '/api/v1/circles', c);
          expect(res.statusCode).toBe(201);
          circleIds.push(res.json<{ id: string }>().id);
        }
        const chosen = [0, 2];
        const put = await ada.call('PUT', '/api/v1/holidays/settings', {
          circles: chosen.map((i) => ({ circleId: circleIds[i], kinds: ['public_holiday'], leadDays: 3 })),
        });
        expect(put.statusCode).toBe(200);
        for (const [i, p] of people.entries()) {
          const res = await ada.call('POST', '/api/v1/contacts', {
            firstName: `P${i}`,
            circleId: p.circle === null ? null : circleIds[p.circle],
            cadence: p.cadence,
            tracked: p.tracked,
            country: p.country,
          });
          expect(res.statusCode).toBe(201);
          if (p.touchedDaysAgo === null) continue;
          const touched = await ada.call(
            'POST',
            `/api/v1/contacts/${res.json<{ id: string }>().id}/interactions`,
            {
              channel: 'email',
              direction: 'outbound',
              occurredAt: new Date(NOW - p.touchedDaysAgo * DAY).toISOString(),
            },
          );
          expect(touched.statusCode).toBe(201);
        }
        const tracked = people.filter((p) => p.tracked);
        const inCircle = (i: number | null) => tracked.filter((p) => p.circle === i);

        const holidays = (await ada.call('GET', '/api/v1/holidays/settings')).json<{
          circles: { circleId: string; contacts: number }[];
        }>();
        for (const i of chosen) {
          const audience = inCircle(i).filter((p) => p.country !== null && inForce(p).kind !== 'ad_hoc');
          expect(holidays.circles.find((c) => c.circleId === circleIds[i])?.contacts).toBe(audience.length);
        }

        const plan = (await ada.call('GET', '/api/v1/capacity')).json<{
          touchesPerWeek: number;
          holidayTouchesPerYear: number;
          circles: { circleId: string | null; contacts: number; touchesPerWeek: number }[];
        }>();
        const weekly = (ps: Person[]) => ps.reduce((n, p) => n + touchesPerWeek(inForce(p)), 0);
        for (const [i, id] of [...circleIds.entries(), [null, null] as const]) {
          const row = plan.circles.find((c) => c.circleId === id);
          expect(row?.contacts ?? 0).toBe(inCircle(i).length);
          expect(row?.touchesPerWeek ?? 0).toBeCloseTo(weekly(inCircle(i)), 9);
        }
        expect(plan.touchesPerWeek).toBeCloseTo(
          weekly(tracked) + plan.holidayTouchesPerYear / (365.25 / 7),
          9,
        );

        const dash = (await ada.call('GET', '/api/v1/dashboard')).json<{
          health: { tracked: number };
          touches: { weeks: { outbound: number; inbound: number }[] };
          cadence: { onTime: number; due: number; overdue: number; noHistory: number };
        }>();
        const states = tracked.map(stateOf);
        const count = (s: string) => states.filter((x) => x === s).length;
        expect(dash.cadence).toMatchObject({
          onTime: count('onTime'),
          due: count('due'),
          overdue: count('overdue'),
          noHistory: count('noHistory'),
        });
        expect(dash.health.tracked).toBe(tracked.length);
        // Touches per chart week, every person's (tracked or not), from the first week's Monday.
        const perWeek = Array.from({ length: 26 }, () => 0);
        for (const p of people) {
          if (p.touchedDaysAgo === null) continue;
          const index = Math.floor((NOW - p.touchedDaysAgo * DAY - FIRST_MONDAY) / (7 * DAY));
          if (index >= 0) perWeek[index] = (perWeek[index] ?? 0) + 1;
        }
        expect(dash.touches.weeks.map((w) => w.outbound)).toEqual(perWeek);
        expect(dash.touches.weeks.every((w) => w.inbound === 0)).toBe(true);
      }),
      { numRuns: 4, seed: 15, examples: [[everyKindOnce]] },
    );
  });
});
