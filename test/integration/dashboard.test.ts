import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { dialects, freshStore } from '../helpers/stores';

// The test clock stands at 2026-03-10T09:00Z, a Tuesday in ISO week 2026-W11.
const NOW = Date.parse('2026-03-10T09:00:00.000Z');
const daysAgo = (d: number) => new Date(NOW - d * 86_400_000).toISOString();

describe.each(dialects)('network dashboard on %s', (dialect) => {
  let store: Store;
  let t: TestApp;
  let ada: Caller;

  beforeEach(async () => {
    store = await freshStore(dialect);
    t = await testApp(store);
    ada = await signUp(t.app);
  });
  afterEach(async () => {
    await t.app.close();
    await store.close();
  });

  async function add(as: Caller, body: object): Promise<string> {
    const res = await as.call('POST', '/api/v1/contacts', { lastName: 'Lee', ...body });
    expect(res.statusCode).toBe(201);
    return res.json().id;
  }
  async function touch(as: Caller, id: string, direction: 'outbound' | 'inbound', occurredAt: string) {
    const res = await as.call('POST', `/api/v1/contacts/${id}/interactions`, {
      channel: 'email',
      direction,
      occurredAt,
    });
    expect(res.statusCode).toBe(201);
  }
  async function ledger(as: Caller, id: string, kind: string) {
    expect((await as.call('POST', `/api/v1/contacts/${id}/ledger`, { kind })).statusCode).toBe(201);
  }
  const dashboard = async (as: Caller) => {
    const res = await as.call('GET', '/api/v1/dashboard');
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  const bucketCounts = (d: { health: { buckets: { count: number }[] } }) =>
    d.health.buckets.map((b) => b.count);

  it('counts health, weekly touches, cadence adherence and the ledger from this account only', async () => {
    const monthly = { kind: 'monthly' };
    const a = await add(ada, { firstName: 'Ann', cadence: monthly });
    await touch(ada, a, 'outbound', daysAgo(10)); // on time, full recency; week W09
    await touch(ada, a, 'inbound', daysAgo(1 / 24)); // this week (W11)
    const b = await add(ada, { firstName: 'Ben', cadence: monthly });
    await touch(ada, b, 'inbound', daysAgo(40)); // due (30 ≤ 40 < 45); recency 27/40 → 67.5; W05
    const c = await add(ada, { firstName: 'Cy', cadence: monthly });
    await touch(ada, c, 'outbound', daysAgo(100)); // overdue; recency 0; 2025-W48
    await touch(ada, c, 'outbound', daysAgo(200)); // before the 26 weeks
    await add(ada, { firstName: 'Dee', cadence: { kind: 'ad_hoc' } }); // never contacted: no history
    await add(ada, { firstName: 'Eve', tracked: false }); // untracked: never counted
    const f = await add(ada, { firstName: 'Fay', cadence: { kind: 'custom', every: 2, unit: 'weeks' } });
    await touch(ada, f, 'outbound', daysAgo(16)); // due (14 ≤ 16 < 19); recency exactly 32/40 → 80; W08
    // No cadence of its own: the circle's quarterly one applies (90 ≤ 100 < 120 → due; recency 37 → 92.5).
    const circle = await ada.call('POST', '/api/v1/circles', { name: 'Peers', kind: 'peer' });
    expect(circle.statusCode).toBe(201);
    const g = await add(ada, { firstName: 'Gus', circleId: circle.json().id });
    await touch(ada, g, 'inbound', daysAgo(100));
    for (const kind of [
      'help_given',
      'introduction_made',
      'resource_shared',
      'favour_asked',
      'favour_received',
    ])
      await ledger(ada, a, kind);

    // Another account's people, touches and ledger must not show up in Ada's numbers.
    const bob = await signUp(t.app, 'bob@example.com', 'Bob');
    const x = await add(bob, { firstName: 'Xan', cadence: monthly });
    await touch(bob, x, 'outbound', daysAgo(3));
    await touch(bob, x, 'inbound', daysAgo(100));
    await ledger(bob, x, 'favour_asked');

    const d = await dashboard(ada);
    expect(d.cadence).toEqual({ tracked: 5, noHistory: 1, onTime: 1, due: 3, overdue: 1 });
    expect(d.health.noHistory).toBe(1);
    expect(d.health.basis).toBe('recency');
    expect(d.health.tracked).toBe(6);
    expect(d.health.buckets.map((x: { label: string }) => x.label)).toEqual([
      '0–19',
      '20–39',
      '40–59',
      '60–79',
      '80–100',
    ]);
    // Cy (0); Ben (67.5); Ann, Dee (never contacted, created now), Fay (80 exactly) and Gus (92.5).
    // Dee, never contacted, is in no bucket (she used to fill 80–100 with full recency).
    expect(bucketCounts(d)).toEqual([1, 0, 0, 1, 3]);
    expect(d.ledger).toEqual({ gives: 3, asks: 1, received: 1, balance: 1 });

    const weeks: { week: string; start: string; outbound: number; inbound: number }[] = d.touches.weeks;
    expect(weeks).toHaveLength(26);
    expect(weeks[0]).toMatchObject({ week: '2025-W38', start: '2025-09-15' });
    expect(weeks.at(-1)).toEqual({ week: '2026-W11', start: '2026-03-09', outbound: 0, inbound: 1 });
    const nonZero = weeks
      .filter((w) => w.outbound + w.inbound > 0)
      .map((w) => [w.week, w.outbound, w.inbound]);
    expect(nonZero).toEqual([
      ['2025-W48', 1, 1],
      ['2026-W05', 0, 1],
      ['2026-W08', 1, 0],
      ['2026-W09', 1, 0],
      ['2026-W11', 0, 1],
    ]);

    // Bob sees only his own.
    const bobs = await dashboard(bob);
    expect(bobs.cadence).toEqual({ tracked: 1, noHistory: 0, onTime: 1, due: 0, overdue: 0 });
    expect(bucketCounts(bobs)).toEqual([0, 0, 0, 0, 1]);
    expect(bobs.ledger).toEqual({ gives: 0, asks: 1, received: 0, balance: -1 });
    const bobWeeks = bobs.touches.weeks.reduce(
      (s: number, w: { outbound: number; inbound: number }) => s + w.outbound + w.inbound,
      0,
    );
    expect(bobWeeks).toBe(2);
  });

  it('moves contacts from on time to due to overdue as the clock passes the cadence limits', async () => {
    const ann = await add(ada, { firstName: 'Ann', cadence: { kind: 'monthly' } });
    // Never contacted, she is "no history", not on time; a touch now makes her on time.
    expect((await dashboard(ada)).cadence).toMatchObject({ noHistory: 1, onTime: 0 });
    await touch(ada, ann, 'outbound', daysAgo(0));
    expect((await dashboard(ada)).cadence).toMatchObject({ noHistory: 0, onTime: 1, due: 0, overdue: 0 });
    t.deps.clock.set(daysAgo(-30)); // exactly due
    expect((await dashboard(ada)).cadence).toMatchObject({ onTime: 0, due: 1, overdue: 0 });
    t.deps.clock.set(new Date(NOW + 45 * 86_400_000 - 1).toISOString()); // a millisecond before overdue
    expect((await dashboard(ada)).cadence).toMatchObject({ due: 1, overdue: 0 });
    t.deps.clock.set(daysAgo(-45)); // overdue at exactly anchor + 45 days (core/cadence.ts overdueAt)
    expect((await dashboard(ada)).cadence).toMatchObject({ due: 0, overdue: 1 });
  });

  it('is all zeros with 26 empty weeks for an empty account, and needs a signed-in caller', async () => {
    const d = await dashboard(ada);
    expect(d.cadence).toEqual({ tracked: 0, noHistory: 0, onTime: 0, due: 0, overdue: 0 });
    expect(bucketCounts(d)).toEqual([0, 0, 0, 0, 0]);
    expect(d.ledger).toEqual({ gives: 0, asks: 0, received: 0, balance: 0 });
    expect(d.touches.weeks).toHaveLength(26);
    expect(
      d.touches.weeks.every((w: { outbound: number; inbound: number }) => w.outbound + w.inbound === 0),
    ).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/dashboard' })).statusCode).toBe(401);
  });
});
