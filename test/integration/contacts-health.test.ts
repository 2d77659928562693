import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS, DIRECTIONS } from '../../src/core/vocabulary';
import { HEALTH_BATCH, refreshStaleHealth } from '../../src/services/health-refresh';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { dialects, freshStore, type TestStore } from '../helpers/stores';

interface Row {
  id: string;
  displayName: string;
  healthScore: number | null;
  lastInteractionAt: string | null;
}
interface Page {
  items: Row[];
  nextCursor: string | null;
  total: number;
}

const DAY = 86_400_000;

describe.each(dialects)('stored health score: kept current, filtered and sorted on %s', (dialect) => {
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

  const ago = (days: number) => new Date(Date.parse('2026-03-10T09:00:00.000Z') - days * DAY).toISOString();

  async function person(firstName: string, extra: object = {}): Promise<string> {
    const res = await ada.call('POST', '/api/v1/contacts', { firstName, ...extra });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  }
  async function touch(id: string, at: string, extra: object = {}) {
    const res = await ada.call('POST', `/api/v1/contacts/${id}/interactions`, {
      channel: 'call',
      direction: 'outbound',
      occurredAt: at,
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }
  async function all(): Promise<Row[]> {
    return (await ada.call('GET', '/api/v1/contacts?limit=500')).json<Page>().items;
  }
  /** What core/health.ts says right now, through the health route: null when never contacted. */
  async function computed(c: Row): Promise<number | null> {
    const h = await ada.call('GET', `/api/v1/contacts/${c.id}/health`);
    return c.lastInteractionAt === null ? null : h.json().score;
  }
  async function expectStoredEqualsComputed() {
    for (const c of await all()) expect(c.healthScore, c.displayName).toBe(await computed(c));
  }
  async function walk(params: string, limit: number) {
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await ada.call(
        'GET',
        `/api/v1/contacts?${params}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json<Page>();
      names.push(...page.items.map((c) => c.displayName));
      cursor = page.nextCursor;
    } while (cursor);
    return names;
  }

  /** Five people: fresh, fading, long gone, two-way, and never contacted. */
  async function network() {
    const fresh = await person('Fresh', { cadence: { kind: 'monthly' } });
    await touch(fresh, ago(3));
    await touch(fresh, ago(2), { direction: 'inbound' });
    const fading = await person('Fading', { cadence: { kind: 'monthly' } });
    await touch(fading, ago(50), { channel: 'text' });
    const gone = await person('Gone', { cadence: { kind: 'monthly' } });
    await touch(gone, ago(300), { channel: 'email', awaitingReply: true });
    const both = await person('Both', { cadence: { kind: 'quarterly' } });
    await touch(both, ago(20), { channel: 'video' });
    await touch(both, ago(10), { channel: 'video', direction: 'inbound' });
    const never = await person('Never');
    return { fresh, fading, gone, both, never };
  }

  it('stores the score core/health.ts computes on every write, and no score for the never contacted', async () => {
    const { fading, never } = await network();
    await expectStoredEqualsComputed();
    const byName = new Map((await all()).map((c) => [c.displayName, c.healthScore]));
    expect(byName.get('Never')).toBeNull();
    expect(byName.get('Fresh')).toBeGreaterThan(byName.get('Gone') ?? 100);

    // A cadence change, a new interaction and a deleted one each rescore in their own transaction.
    await ada.call('PATCH', `/api/v1/contacts/${fading}`, { cadence: { kind: 'quarterly' } });
    await expectStoredEqualsComputed();
    const first = await touch(never, ago(1));
    await expectStoredEqualsComputed();
    await ada.call('DELETE', `/api/v1/interactions/${first}`);
    expect((await all()).find((c) => c.id === never)?.healthScore).toBeNull();
  });

  it("rescores with a circle's default cadence when the circle changes", async () => {
    const made = await ada.call('POST', '/api/v1/circles', {
      name: 'Weekly friends',
      kind: 'other',
      cadence: { kind: 'monthly' },
    });
    expect(made.statusCode, made.body).toBe(201);
    const circle = made.json();
    const id = await person('Cy', { circleId: circle.id });
    await touch(id, ago(75));
    const before = (await all())[0]?.healthScore;
    const res = await ada.call('PATCH', `/api/v1/circles/${circle.id}`, { cadence: { kind: 'yearly' } });
    expect(res.statusCode, res.body).toBe(200);
    await expectStoredEqualsComputed();
    expect((await all())[0]?.healthScore).toBeGreaterThan(before ?? 100);
  });

  it('sorts weakest first with the never contacted last, paging without gaps or repeats', async () => {
    await network();
    const rows = await all();
    const scored = rows.filter((c) => c.healthScore !== null);
    const expected = [...scored]
      .sort((a, b) => (a.healthScore ?? 0) - (b.healthScore ?? 0) || (a.id < b.id ? -1 : 1))
      .map((c) => c.displayName);
    for (const limit of [1, 2, 500]) expect(await walk('sort=health', limit)).toEqual([...expected, 'Never']);
  });

  it('filters by a health range or by no history, and names a bad bound', async () => {
    await network();
    const rows = await all();
    const inRange = rows
      .filter((c) => c.healthScore !== null && c.healthScore >= 40 && c.healthScore <= 79)
      .map((c) => c.displayName)
      .sort();
    const page = (await ada.call('GET', '/api/v1/contacts?healthMin=40&healthMax=79&limit=500')).json<Page>();
    expect(page.items.map((c) => c.displayName).sort()).toEqual(inRange);
    expect(page.total).toBe(inRange.length);
    expect(await walk('noHistory=true', 2)).toEqual(['Never']);
    expect((await walk('noHistory=false', 2)).sort()).toEqual(['Both', 'Fading', 'Fresh', 'Gone']);
    const bad = await ada.call('GET', '/api/v1/contacts?healthMin=101');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['healthMin']);
    const seg = await ada.call('POST', '/api/v1/segments', { name: 'Fading', filter: { healthMax: 59 } });
    expect(seg.statusCode, seg.body).toBe(201);
  });

  it('the tick rescores what time alone changed, once a day, in batches', async () => {
    await network();
    t.deps.clock.set('2026-06-10T09:00:00.000Z');
    const stale = await all();
    expect(stale.find((c) => c.displayName === 'Fresh')?.healthScore).not.toBe(
      await computed(stale.find((c) => c.displayName === 'Fresh')!),
    );
    const report = await refreshStaleHealth(t.deps, 2);
    expect(report.rescored).toBe(2);
    while ((await refreshStaleHealth(t.deps, 2)).rescored > 0);
    await expectStoredEqualsComputed();
    // Scored today already: the next tick has nothing to do.
    expect(await refreshStaleHealth(t.deps)).toEqual({ rescored: 0, changed: 0 });
    expect(HEALTH_BATCH).toBeGreaterThan(100);
  });

  it('property: after any history, the stored score is the computed one at a fixed now', async () => {
    const interaction = fc.record({
      channel: fc.constantFrom(...CHANNELS),
      direction: fc.constantFrom(...DIRECTIONS),
      daysAgo: fc.integer({ min: 0, max: 500 }),
      awaitingReply: fc.boolean(),
    });
    const cadence = fc.constantFrom(
      { kind: 'quarterly' },
      { kind: 'monthly' },
      { kind: 'yearly' },
      { kind: 'custom', every: 3, unit: 'weeks' },
      null,
    );
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(interaction, { maxLength: 6 }), cadence, async (history, c) => {
        n += 1;
        const id = await person(`P${n}`, c ? { cadence: c } : {});
        for (const i of history) {
          const { daysAgo, ...rest } = i;
          await touch(id, ago(daysAgo), rest);
        }
        const row = (await ada.call('GET', `/api/v1/contacts/${id}`)).json<Row>();
        expect(row.healthScore).toBe(await computed(row));
        expect(row.healthScore === null).toBe(history.length === 0);
      }),
      { numRuns: 12, seed: 10 },
    );
  });
});
