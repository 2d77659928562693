import type { RootOperationNode } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { failingWhen, insertsInto } from '../helpers/failing-store';
import { dialects, freshStore, type TestStore } from '../helpers/stores';

interface ContactDto {
  id: string;
  circleId: string | null;
  cadence: unknown;
  tracked: boolean;
  tags: string[];
}

describe.each(dialects)('bulk actions on contacts and the capacity plan on %s', (dialect) => {
  let store: TestStore;
  let t: TestApp;
  let ada: Caller;
  let breakWhen: ((node: RootOperationNode) => boolean) | null;
  let ids: string[];

  beforeEach(async () => {
    store = await freshStore(dialect);
    breakWhen = null;
    t = await testApp(failingWhen(store, (node) => breakWhen?.(node) ?? false));
    ada = await signUp(t.app);
    ids = [];
    for (let i = 0; i < 12; i++) {
      const res = await ada.call('POST', '/api/v1/contacts', {
        firstName: `Person${String(i).padStart(2, '0')}`,
      });
      ids.push(res.json<{ id: string }>().id);
    }
  });
  afterEach(async () => {
    await t.app.close();
    await store.close();
  });

  const contact = async (id: string) => (await ada.call('GET', `/api/v1/contacts/${id}`)).json<ContactDto>();
  const circles = async () =>
    (await ada.call('GET', '/api/v1/circles')).json<{
      items: { id: string; name: string; contactCount: number }[];
    }>().items;

  it('moves ten contacts into a new circle, sets a cadence, a tag and tracking, all at once', async () => {
    const circle = (
      await ada.call('POST', '/api/v1/circles', {
        name: 'Founders',
        kind: 'peer',
        cadence: { kind: 'quarterly' },
      })
    ).json<{ id: string }>();
    const ten = ids.slice(0, 10);
    const moved = await ada.call('POST', '/api/v1/contacts/bulk', { ids: ten, set: { circleId: circle.id } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toEqual({ updated: 10 });
    expect((await circles()).find((c) => c.id === circle.id)?.contactCount).toBe(10);
    expect((await contact(ten[0]!)).circleId).toBe(circle.id);
    expect((await contact(ids[11]!)).circleId).toBeNull();

    const two = ids.slice(0, 2);
    await ada.call('POST', '/api/v1/contacts/bulk', {
      ids: two,
      set: { cadence: { kind: 'custom', every: 3, unit: 'weeks' }, addTag: 'vip', tracked: true },
    });
    expect(await contact(two[1]!)).toMatchObject({
      cadence: { kind: 'custom', every: 3, unit: 'weeks' },
      tags: ['vip'],
    });
    // Tagging again keeps one tag; null cadence goes back to the circle default.
    await ada.call('POST', '/api/v1/contacts/bulk', { ids: two, set: { addTag: 'vip', cadence: null } });
    expect(await contact(two[0]!)).toMatchObject({ cadence: null, tags: ['vip'] });
    await ada.call('POST', '/api/v1/contacts/bulk', {
      ids: [two[0]],
      set: { removeTag: 'vip', tracked: false },
    });
    expect(await contact(two[0]!)).toMatchObject({ tags: [], tracked: false });
  });

  it('refuses an unknown contact or circle, naming the field, and changes nothing', async () => {
    const other = await signUp(t.app, 'mary@example.com', 'Mary');
    const hers = (await other.call('POST', '/api/v1/contacts', { firstName: 'Hers' })).json<{ id: string }>()
      .id;
    const res = await ada.call('POST', '/api/v1/contacts/bulk', {
      ids: [ids[0], hers],
      set: { addTag: 'x' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { field: 'ids.1', message: expect.stringContaining('no such contact') },
    ]);
    expect((await contact(ids[0]!)).tags).toEqual([]);

    const noCircle = await ada.call('POST', '/api/v1/contacts/bulk', { ids, set: { circleId: 'nope' } });
    expect(noCircle.statusCode).toBe(400);
    expect(noCircle.json().errors).toEqual([{ field: 'set.circleId', message: 'no such circle' }]);
    for (const body of [
      { ids, set: {} },
      { ids: [], set: { tracked: false } },
      { ids: [ids[0], ids[0]], set: { tracked: false } },
    ]) {
      expect((await ada.call('POST', '/api/v1/contacts/bulk', body)).statusCode).toBe(400);
    }
    expect((await contact(ids[0]!)).tracked).toBe(true);
  });

  it('a failure half-way (the tag write) rolls back the circle change too', async () => {
    const circle = (await ada.call('POST', '/api/v1/circles', { name: 'Book club' })).json<{ id: string }>();
    breakWhen = insertsInto('contact_tags');
    const res = await ada.call('POST', '/api/v1/contacts/bulk', {
      ids,
      set: { circleId: circle.id, addTag: 'club' },
    });
    expect(res.statusCode).toBe(500);
    breakWhen = null;
    expect((await circles()).find((c) => c.id === circle.id)?.contactCount).toBe(0);
    expect((await contact(ids[3]!)).circleId).toBeNull();
  });

  it('applying the capacity moves lands the plan at or under the budget', async () => {
    // 12 weekly contacts = 12 touches a week against a budget of 2.
    await ada.call('POST', '/api/v1/contacts/bulk', {
      ids,
      set: { cadence: { kind: 'custom', every: 1, unit: 'weeks' } },
    });
    await ada.call('PATCH', '/api/v1/me/settings', { weeklyBudget: 2 });
    const before = (await ada.call('GET', '/api/v1/capacity')).json();
    expect(before).toMatchObject({ over: true, fits: true, budget: 2, shortfall: null });
    expect(before.touchesPerWeek).toBeCloseTo(12);
    expect(before.circles.find((c: { circleId: string | null }) => c.circleId === null)).toMatchObject({
      contacts: 12,
    });

    const applied = await ada.call('POST', '/api/v1/capacity/apply');
    expect(applied.statusCode, applied.body).toBe(200);
    const after = applied.json();
    expect(after.over).toBe(false);
    expect(after.touchesPerWeek).toBeLessThanOrEqual(2);
    expect((await ada.call('GET', '/api/v1/capacity')).json().touchesPerWeek).toBeCloseTo(
      after.touchesPerWeek,
    );
  });

  it('says plainly when no cadence can fit, and applies nothing', async () => {
    await ada.call('PATCH', '/api/v1/me/settings', { weeklyBudget: 1 });
    // 12 contacts on yearly are 0.23 a week; 60 more make 72 × 7/365 = 1.38 > 1 even all yearly.
    for (let i = 0; i < 60; i++) await ada.call('POST', '/api/v1/contacts', { firstName: `More${i}` });
    const all = (await ada.call('GET', '/api/v1/contacts?limit=100')).json<{ items: { id: string }[] }>()
      .items;
    await ada.call('POST', '/api/v1/contacts/bulk', {
      ids: all.map((c) => c.id),
      set: { cadence: { kind: 'yearly' } },
    });
    const plan = (await ada.call('GET', '/api/v1/capacity')).json();
    expect(plan).toMatchObject({ over: true, fits: false, moves: [], shortfall: { tracked: 72 } });
    const res = await ada.call('POST', '/api/v1/capacity/apply');
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(
      /^72 tracked contacts: even all on a yearly cadence .* Untrack 20 of them/,
    );
  });
});
