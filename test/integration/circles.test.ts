import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { dialects, freshStore } from '../helpers/stores';

describe.each(dialects)('circles and tags on %s', (dialect) => {
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

  it('lists the five circles sign-up seeds, with their default cadences', async () => {
    const items = (await ada.call('GET', '/api/v1/circles')).json().items;
    expect(items.map((c: { kind: string }) => c.kind)).toEqual([
      'mentor',
      'peer',
      'industry_leader',
      'client_partner',
      'aspirational',
    ]);
    expect(items.find((c: { kind: string }) => c.kind === 'client_partner').cadence).toEqual({
      kind: 'monthly',
    });
  });

  it('creates a circle with the kind default, renames it and counts its contacts', async () => {
    const res = await ada.call('POST', '/api/v1/circles', { name: 'Book club', kind: 'peer' });
    expect(res.statusCode).toBe(201);
    const circle = res.json();
    expect(circle).toMatchObject({
      name: 'Book club',
      kind: 'peer',
      cadence: { kind: 'quarterly' },
      contactCount: 0,
    });
    await ada.call('POST', '/api/v1/contacts', { firstName: 'Ann', circleId: circle.id });
    const renamed = await ada.call('PATCH', `/api/v1/circles/${circle.id}`, { name: 'Readers' });
    expect(renamed.json()).toMatchObject({ name: 'Readers', contactCount: 1 });
    const listed = (await ada.call('GET', '/api/v1/circles')).json().items;
    expect(listed.find((c: { id: string }) => c.id === circle.id).contactCount).toBe(1);
  });

  it("moves its contacts' next due date when the circle's cadence changes", async () => {
    const circle = (
      await ada.call('POST', '/api/v1/circles', { name: 'Close', kind: 'other', cadence: { kind: 'yearly' } })
    ).json();
    const inCircle = (
      await ada.call('POST', '/api/v1/contacts', { firstName: 'Ann', circleId: circle.id })
    ).json();
    const ownCadence = (
      await ada.call('POST', '/api/v1/contacts', {
        firstName: 'Bob',
        circleId: circle.id,
        cadence: { kind: 'quarterly' },
      })
    ).json();
    expect(inCircle.nextDueAt).toBe('2027-03-10T09:00:00.000Z');
    const res = await ada.call('PATCH', `/api/v1/circles/${circle.id}`, {
      cadence: { kind: 'custom', every: 2, unit: 'weeks' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().cadence).toEqual({ kind: 'custom', every: 2, unit: 'weeks' });
    expect((await ada.call('GET', `/api/v1/contacts/${inCircle.id}`)).json().nextDueAt).toBe(
      '2026-03-24T09:00:00.000Z',
    );
    // A contact with a cadence of their own keeps it.
    expect((await ada.call('GET', `/api/v1/contacts/${ownCadence.id}`)).json().nextDueAt).toBe(
      ownCadence.nextDueAt,
    );
  });

  it('deletes a circle and keeps its contacts, detached and back on the default cadence', async () => {
    const circle = (
      await ada.call('POST', '/api/v1/circles', { name: 'Tight', kind: 'client_partner' })
    ).json();
    const c = (await ada.call('POST', '/api/v1/contacts', { firstName: 'Ann', circleId: circle.id })).json();
    expect(c.nextDueAt).toBe('2026-04-09T09:00:00.000Z');
    expect((await ada.call('DELETE', `/api/v1/circles/${circle.id}`)).statusCode).toBe(204);
    const after = (await ada.call('GET', `/api/v1/contacts/${c.id}`)).json();
    expect(after).toMatchObject({ circleId: null, nextDueAt: '2027-03-10T09:00:00.000Z' });
    expect((await ada.call('DELETE', `/api/v1/circles/${circle.id}`)).statusCode).toBe(404);
  });

  it('rejects a bad kind or cadence naming the field, and writes nothing', async () => {
    const before = (await ada.call('GET', '/api/v1/circles')).json().items.length;
    for (const [body, field] of [
      [{ name: 'X', kind: 'bff' }, 'kind'],
      [{ name: '' }, 'name'],
      [{ name: 'X', cadence: { kind: 'custom', every: 0, unit: 'days' } }, 'cadence.every'],
    ] as const) {
      const res = await ada.call('POST', '/api/v1/circles', body);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await ada.call('GET', '/api/v1/circles')).json().items).toHaveLength(before);
  });

  it('keeps a colour per circle: #rrggbb or null, 400 naming `color` otherwise, 404 for another account', async () => {
    const made = await ada.call('POST', '/api/v1/circles', { name: 'Book club', color: '#1C7ED6' });
    expect(made.statusCode).toBe(201);
    expect(made.json().color).toBe('#1c7ed6');
    const id = made.json().id;
    expect((await ada.call('PATCH', `/api/v1/circles/${id}`, { color: '#e8590c' })).json().color).toBe(
      '#e8590c',
    );
    expect((await ada.call('PATCH', `/api/v1/circles/${id}`, { name: 'Readers' })).json().color).toBe(
      '#e8590c',
    );
    for (const color of ['red', '#12345', '#gggggg', 7]) {
      const bad = await ada.call('PATCH', `/api/v1/circles/${id}`, { color });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['color']);
    }
    const mary = await signUp(t.app, 'mary@example.com', 'Mary');
    expect((await mary.call('PATCH', `/api/v1/circles/${id}`, { color: '#000000' })).statusCode).toBe(404);
    const listed = (await ada.call('GET', '/api/v1/circles')).json().items;
    expect(listed.find((c: { id: string }) => c.id === id).color).toBe('#e8590c');
    expect(listed.filter((c: { id: string }) => c.id !== id).map((c: { color: null }) => c.color)).toEqual(
      Array(5).fill(null),
    );
    expect((await ada.call('PATCH', `/api/v1/circles/${id}`, { color: null })).json().color).toBeNull();
  });

  it('lists tags with how many contacts carry each', async () => {
    await ada.call('POST', '/api/v1/contacts', { firstName: 'Ann', tags: ['vip', 'climbing'] });
    await ada.call('POST', '/api/v1/contacts', { firstName: 'Bob', tags: ['vip'] });
    const res = await ada.call('GET', '/api/v1/tags');
    expect(res.statusCode).toBe(200);
    expect(
      res.json().items.map((t: { name: string; contactCount: number }) => [t.name, t.contactCount]),
    ).toEqual([
      ['climbing', 1],
      ['vip', 2],
    ]);
  });
});
