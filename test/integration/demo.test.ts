import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { dialects, freshStore, type TestStore } from '../helpers/stores';

interface ContactItem {
  id: string;
  displayName: string;
  company: string;
  city: string;
  timeZone: string;
  circleId: string | null;
  tracked: boolean;
  cadence: { kind: string } | null;
  tags: string[];
  lastInteractionAt: string | null;
  nextDueAt: string | null;
}

async function allContacts(caller: Caller): Promise<ContactItem[]> {
  const out: ContactItem[] = [];
  let cursor: string | null = null;
  do {
    const res = await caller.call('GET', `/api/v1/contacts?limit=500${cursor ? `&cursor=${cursor}` : ''}`);
    const body = res.json<{ items: ContactItem[]; nextCursor: string | null }>();
    out.push(...body.items);
    cursor = body.nextCursor;
  } while (cursor);
  return out;
}

describe.each(dialects)('demo network on %s', (dialect) => {
  let store: TestStore;
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

  it('seeds a realistic, fresh network once, then answers 409', async () => {
    const started = performance.now();
    const res = await ada.call('POST', '/api/v1/demo');
    const elapsed = performance.now() - started;
    console.info(`demo seed on ${dialect}: ${Math.round(elapsed)} ms`);
    expect(res.statusCode, res.body).toBe(201);
    const summary = res.json();
    expect(summary.contacts).toBe(300);
    expect(summary.interactions).toBeGreaterThan(1000);
    expect(summary.interactions).toBeLessThan(6000);
    expect(summary.facts).toBeGreaterThan(100);
    expect(summary.notes).toBeGreaterThan(60);
    expect(summary.dates).toBeGreaterThan(150);
    expect(summary.lifeEvents).toBeGreaterThan(40);
    expect(summary.tasks).toBeGreaterThanOrEqual(5);

    const again = await ada.call('POST', '/api/v1/demo');
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toMatch(/already has contacts/);

    const contacts = await allContacts(ada);
    expect(contacts).toHaveLength(300);
    const now = '2026-03-10T09:00:00.000Z';
    const circles = (await ada.call('GET', '/api/v1/circles')).json().items;
    for (const circle of circles) expect(circle.contactCount, circle.name).toBeGreaterThanOrEqual(15);
    expect(contacts.filter((c) => !c.tracked).length).toBeGreaterThanOrEqual(20);
    expect(contacts.filter((c) => c.cadence?.kind === 'ad_hoc').length).toBeGreaterThanOrEqual(20);
    const overdue = contacts.filter((c) => c.nextDueAt !== null && c.nextDueAt < now);
    expect(overdue.length).toBeGreaterThanOrEqual(20);
    expect(contacts.filter((c) => c.lastInteractionAt === null).length).toBeLessThan(60);
    expect(contacts.every((c) => c.lastInteractionAt === null || c.lastInteractionAt <= now)).toBe(true);
    expect(new Set(contacts.map((c) => c.timeZone)).size).toBeGreaterThanOrEqual(10);
    expect(contacts.filter((c) => c.tags.length > 0).length).toBeGreaterThan(100);
    expect((await ada.call('GET', '/api/v1/tasks?open=true')).json().items.length).toBeGreaterThanOrEqual(5);
    expect((await ada.call('GET', '/api/v1/tags')).json().items.length).toBeGreaterThanOrEqual(8);

    // Details, counted in the database: pinned facts, recent wins, birthdays soon, awaited replies.
    const db = store.db;
    const count = async (q: { executeTakeFirstOrThrow: () => Promise<{ n: number | string | bigint }> }) =>
      Number((await q.executeTakeFirstOrThrow()).n);
    const n = sql<number>`count(*)`.as('n');
    expect(await count(db.selectFrom('facts').select(n).where('pinned', '=', 1))).toBeGreaterThanOrEqual(20);
    expect(await count(db.selectFrom('facts').select(n).where('kind', '=', 'family'))).toBeGreaterThanOrEqual(
      20,
    );
    expect(
      await count(db.selectFrom('life_events').select(n).where('occurred_on', '>=', '2026-02-24')),
    ).toBeGreaterThanOrEqual(8);
    const birthdays = db.selectFrom('important_dates').select(n).where('kind', '=', 'birthday');
    expect(
      await count(birthdays.where('month', '=', 3).where('day', '>', 10).where('day', '<=', 17)),
    ).toBeGreaterThanOrEqual(5);
    expect(await count(birthdays.where('year', 'is', null))).toBeGreaterThanOrEqual(20);
    expect(
      await count(db.selectFrom('important_dates').select(n).where('kind', '=', 'work_anniversary')),
    ).toBeGreaterThanOrEqual(20);
    expect(
      await count(db.selectFrom('interactions').select(n).where('awaiting_reply', '=', 1)),
    ).toBeGreaterThanOrEqual(10);
    expect(
      await count(db.selectFrom('interactions').select(n).where('occurred_at', '<', '2024-06-01')),
    ).toBeGreaterThan(50);
    const channels = await db.selectFrom('interactions').select('channel').distinct().execute();
    expect(channels.length).toBeGreaterThanOrEqual(8);

    // The search index covers the seeded notes and facts.
    const withFact = (await ada.call('GET', '/api/v1/contacts?q=sourdough')).json().items;
    expect(withFact.length).toBeGreaterThan(0);
  });

  it('is deterministic: two fresh databases with the same clock give the same people in the same order', async () => {
    await ada.call('POST', '/api/v1/demo');
    const other = await freshStore(dialect);
    const t2 = await testApp(other);
    try {
      const bob = await signUp(t2.app, 'bob@example.com', 'Bob');
      expect((await bob.call('POST', '/api/v1/demo')).statusCode).toBe(201);
      const shape = (c: ContactItem) => [
        c.displayName,
        c.company,
        c.city,
        c.tags.join(),
        c.lastInteractionAt,
        c.nextDueAt,
      ];
      const first = (await allContacts(ada)).map(shape);
      const second = (await allContacts(bob)).map(shape);
      expect(second).toEqual(first);
      expect(new Set(first.map((s) => s[0])).size).toBeGreaterThan(250);
    } finally {
      await t2.app.close();
      await other.close();
    }
  });

  it('refuses to seed an account that already has a contact, and writes nothing', async () => {
    await ada.call('POST', '/api/v1/contacts', { firstName: 'Only' });
    expect((await ada.call('POST', '/api/v1/demo')).statusCode).toBe(409);
    expect(await allContacts(ada)).toHaveLength(1);
  });
});
