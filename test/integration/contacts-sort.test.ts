import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { dialects, freshStore } from '../helpers/stores';

interface Page {
  items: { displayName: string }[];
  nextCursor: string | null;
  total: number;
}

describe.each(dialects)('contacts list: total, sorting and segments on %s', (dialect) => {
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

  /** Six people: four contacted on distinct days (two on the same instant), two never. */
  async function network() {
    const monthly = (
      await ada.call('POST', '/api/v1/circles', { name: 'Close', kind: 'peer', cadence: { kind: 'monthly' } })
    ).json();
    const people: [string, string | null, object][] = [
      ['Ada', '2026-03-01T10:00:00.000Z', { circleId: monthly.id }],
      ['Bea', '2026-02-01T10:00:00.000Z', { cadence: { kind: 'yearly' } }],
      ['Cid', null, { circleId: monthly.id, cadence: { kind: 'quarterly' } }],
      ['Dee', '2026-03-01T10:00:00.000Z', { cadence: { kind: 'monthly' } }],
      ['Eve', null, {}],
      ['Fay', '2026-01-15T10:00:00.000Z', { tags: ['coffee'] }],
    ];
    for (const [firstName, at, extra] of people) {
      const c = (await ada.call('POST', '/api/v1/contacts', { firstName, ...extra })).json();
      if (at)
        await ada.call('POST', `/api/v1/contacts/${c.id}/interactions`, {
          channel: 'email',
          direction: 'outbound',
          occurredAt: at,
        });
    }
    return { monthly };
  }

  /** Every name in the order the API pages through them, `limit` at a time. */
  async function walk(params: string, limit = 2) {
    const names: string[] = [];
    const totals = new Set<number>();
    let cursor: string | null = null;
    do {
      const res = await ada.call(
        'GET',
        `/api/v1/contacts?${params}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json<Page>();
      names.push(...page.items.map((c) => c.displayName));
      totals.add(page.total);
      cursor = page.nextCursor;
    } while (cursor);
    return { names, totals: [...totals] };
  }

  it('sorts by name, last contact (newest first, never last) and next due, paging without gaps or repeats', async () => {
    await network();
    expect(await walk('sort=name')).toEqual({
      names: ['Ada', 'Bea', 'Cid', 'Dee', 'Eve', 'Fay'],
      totals: [6],
    });
    expect((await walk('')).names).toEqual(['Ada', 'Bea', 'Cid', 'Dee', 'Eve', 'Fay']);
    const byContact = await walk('sort=last_contact');
    // Ada and Dee share an instant; the id breaks the tie the same way on every page.
    expect(byContact.names.slice(0, 2).sort()).toEqual(['Ada', 'Dee']);
    expect(byContact.names.slice(2, 4)).toEqual(['Bea', 'Fay']);
    expect(byContact.names.slice(4).sort()).toEqual(['Cid', 'Eve']);
    for (const limit of [1, 3, 500])
      expect((await walk('sort=last_contact', limit)).names).toEqual(byContact.names);

    const byDue = await walk('sort=next_due', 1);
    expect(byDue.names).toHaveLength(6);
    expect(new Set(byDue.names).size).toBe(6);
    const all = (await ada.call('GET', '/api/v1/contacts?sort=next_due&limit=500')).json<{
      items: { displayName: string; nextDueAt: string | null }[];
    }>().items;
    expect(all.map((c) => c.displayName)).toEqual(byDue.names);
    const dues = all.map((c) => c.nextDueAt).filter((d): d is string => d !== null);
    expect(dues).toEqual([...dues].sort());
    expect(all.slice(dues.length).every((c) => c.nextDueAt === null)).toBe(true);
  });

  it('refuses an unknown sort and a cursor from another sort, naming the field', async () => {
    await network();
    const bad = await ada.call('GET', '/api/v1/contacts?sort=health_desc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['sort']);
    const byName = (await ada.call('GET', '/api/v1/contacts?limit=2')).json<Page>();
    const mixed = await ada.call('GET', `/api/v1/contacts?sort=last_contact&cursor=${byName.nextCursor}`);
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().errors.map((e: { field: string }) => e.field)).toEqual(['cursor']);
  });

  it('filters by the cadence in force (own, else the circle default) and counts the total of the filter', async () => {
    await network();
    expect(await walk('cadence=monthly')).toEqual({ names: ['Ada', 'Dee'], totals: [2] });
    expect((await walk('cadence=quarterly')).names).toEqual(['Cid']);
    expect((await walk('cadence=yearly&tag=coffee')).totals).toEqual([0]);
    expect((await walk('tag=coffee')).names).toEqual(['Fay']);
    expect((await walk('lastContactBefore=2026-02-15T00:00:00.000Z')).names).toEqual([
      'Bea',
      'Cid',
      'Eve',
      'Fay',
    ]);
  });

  it('saves the filters as a segment whose contacts, total and sort follow the filter as it is now', async () => {
    const { monthly } = await network();
    const created = await ada.call('POST', '/api/v1/segments', {
      name: 'Monthly, quiet',
      filter: { cadence: 'monthly', lastContactBefore: '2026-04-01T00:00:00.000Z', circleId: monthly.id },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const members = async () => (await ada.call('GET', `/api/v1/segments/${id}/contacts`)).json<Page>();
    expect(await members()).toMatchObject({ total: 1, items: [{ displayName: 'Ada' }] });
    await ada.call('POST', '/api/v1/contacts', { firstName: 'Gil', circleId: monthly.id });
    expect((await members()).items.map((c) => c.displayName)).toEqual(['Ada', 'Gil']);
    const bad = await ada.call('POST', '/api/v1/segments', { name: 'x', filter: { cadence: 'weekly' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['filter.cadence']);
    expect((await ada.call('GET', '/api/v1/segments')).json().items).toHaveLength(1);
  });
});
