import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cadenceInterval } from '../../src/core/cadence';
import { healthScore } from '../../src/core/health';
import { tally } from '../../src/core/ledger';
import { type Cadence, LEDGER_KINDS } from '../../src/core/vocabulary';
import { HEALTH_BUCKETS } from '../../src/services/dashboard.rules';
import { signUp, type TestApp, testApp } from '../helpers/app';
import { dialects, freshStore, type TestStore } from '../helpers/stores';

// The test clock: 2026-03-10T09:00Z; the dashboard's 26 chart weeks open on Monday 2025-09-15.
const NOW = Date.parse('2026-03-10T09:00:00.000Z');
const DAY = 86_400_000;
const FIRST_MONDAY = Date.parse('2025-09-15T00:00:00.000Z');

// Circles with a named, a custom and an ad hoc rhythm; people in none of them count as yearly.
const CIRCLES = [
  { name: 'Founders', kind: 'peer', cadence: { kind: 'twice_yearly' } },
  { name: 'Close', kind: 'other', cadence: { kind: 'custom', every: 10, unit: 'days' } },
  { name: 'Loose', kind: 'other', cadence: { kind: 'ad_hoc' } },
] as const satisfies readonly { name: string; kind: string; cadence: Cadence }[];

// Days before NOW: the edges of the chart weeks (176.375 and 1.375 are Mondays 00:00Z), of the due
// and overdue limits (30/40 monthly, 10/13 custom, 42/56 for six weeks) and of the health buckets.
const daysAgo = fc.constantFrom(
  0.5,
  1.375,
  5,
  9.99,
  10,
  12.5,
  13,
  29,
  30,
  31,
  39.9,
  40,
  44,
  56,
  61,
  100,
  176.375,
  200,
  400,
  800,
);
const touch = fc.record({ daysAgo, direction: fc.constantFrom('outbound', 'inbound') });
const person = fc.record({
  circle: fc.constantFrom(0, 1, 2, null),
  cadence: fc.constantFrom<Cadence | null>(
    null,
    { kind: 'monthly' },
    { kind: 'quarterly' },
    { kind: 'yearly' },
    { kind: 'custom', every: 6, unit: 'weeks' },
    { kind: 'custom', every: 10, unit: 'days' },
    { kind: 'ad_hoc' },
  ),
  tracked: fc.boolean(),
  touches: fc.array(touch, { maxLength: 2 }),
  ledger: fc.option(fc.constantFrom(...LEDGER_KINDS), { nil: null }),
});
type Person = typeof person extends fc.Arbitrary<infer P> ? P : never;

const inForce = (p: Person): Cadence =>
  p.cadence ?? (p.circle === null ? { kind: 'yearly' } : CIRCLES[p.circle].cadence);
const lastTouch = (p: Person): number | null =>
  p.touches.length ? Math.max(...p.touches.map((t) => NOW - t.daysAgo * DAY)) : null;

/** The dashboard as its definition reads, person by person: core's intervals and health's recency part. */
function expected(people: readonly Person[]) {
  const tracked = people.filter((p) => p.tracked);
  const withHistory = tracked.filter((p) => lastTouch(p) !== null);
  const buckets = HEALTH_BUCKETS.map(() => 0);
  const cadence = { onTime: 0, due: 0, overdue: 0, noHistory: tracked.length - withHistory.length };
  for (const p of withHistory) {
    const at = new Date(lastTouch(p) ?? 0).toISOString();
    const score = healthScore(
      { cadence: inForce(p), lastMeaningfulAt: at, createdAt: at, interactions: [] },
      new Date(NOW).toISOString(),
    );
    const pct = (score.parts.recency * 100) / 40;
    const k = HEALTH_BUCKETS.findIndex((h) => pct >= h.from && pct <= h.to + 0.99);
    buckets[k] = (buckets[k] ?? 0) + 1;
    const interval = cadenceInterval(inForce(p));
    if (!interval) continue;
    const anchor = lastTouch(p) ?? 0;
    if (anchor > NOW - interval.dueDays * DAY) cadence.onTime += 1;
    else if (anchor <= NOW - interval.overdueDays * DAY) cadence.overdue += 1;
    else cadence.due += 1;
  }
  const weeks = Array.from({ length: 26 }, () => ({ outbound: 0, inbound: 0 }));
  for (const p of people)
    for (const t of p.touches) {
      const week = weeks[Math.floor((NOW - t.daysAgo * DAY - FIRST_MONDAY) / (7 * DAY))];
      if (week) week[t.direction] += 1;
    }
  const ledger = tally(people.flatMap((p) => (p.ledger ? [{ kind: p.ledger }] : [])));
  return {
    health: { tracked: tracked.length, noHistory: cadence.noHistory, buckets },
    cadence: { ...cadence, tracked: cadence.onTime + cadence.due + cadence.overdue },
    weeks,
    ledger,
  };
}

// The dashboard reads counted groups (tracked contacts per circle and own cadence, each counted
// against its cadence's bounds in SQL) instead of each contact: on generated networks, every
// figure it gives matches the rules applied to the people one by one.
describe.each(dialects)('dashboard from grouped counts on %s', (dialect) => {
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

  it('matches health buckets, cadence states, weekly touches and the ledger counted person by person (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(person, { minLength: 1, maxLength: 10 }), async (people) => {
        accounts += 1;
        const ada = await signUp(t.app, `dash${accounts}@example.com`);
        const circleIds: string[] = [];
        for (const c of CIRCLES) {
          const res = await ada.call('POST', '/api/v1/circles', c);
          expect(res.statusCode).toBe(201);
          circleIds.push(res.json<{ id: string }>().id);
        }
        for (const [i, p] of people.entries()) {
          const res = await ada.call('POST', '/api/v1/contacts', {
            firstName: `P${i}`,
            circleId: p.circle === null ? null : circleIds[p.circle],
            cadence: p.cadence,
            tracked: p.tracked,
          });
          expect(res.statusCode).toBe(201);
          const id = res.json<{ id: string }>().id;
          for (const touched of p.touches) {
            const logged = await ada.call('POST', `/api/v1/contacts/${id}/interactions`, {
              channel: 'email',
              direction: touched.direction,
              occurredAt: new Date(NOW - touched.daysAgo * DAY).toISOString(),
            });
            expect(logged.statusCode).toBe(201);
          }
          if (p.ledger) {
            const entry = await ada.call('POST', `/api/v1/contacts/${id}/ledger`, { kind: p.ledger });
            expect(entry.statusCode).toBe(201);
          }
        }
        const dash = (await ada.call('GET', '/api/v1/dashboard')).json<{
          health: { tracked: number; noHistory: number; buckets: { count: number }[] };
          cadence: object;
          touches: { weeks: { outbound: number; inbound: number }[] };
          ledger: object;
        }>();
        const want = expected(people);
        expect({
          health: { ...dash.health, buckets: dash.health.buckets.map((b) => b.count) },
          cadence: dash.cadence,
          weeks: dash.touches.weeks.map((w) => ({ outbound: w.outbound, inbound: w.inbound })),
          ledger: dash.ledger,
        }).toEqual({ ...want, health: { ...want.health, basis: 'recency' } });
      }),
      // No shrinking: each case signs up an account, and the sign-up limit would answer 429 before long.
      { numRuns: 5, seed: 20261202, endOnFailure: true },
    );
  });
});
