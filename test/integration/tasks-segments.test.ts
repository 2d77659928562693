import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { dialects, freshStore } from '../helpers/stores';

const fields = (res: { json: () => { errors: { field: string }[] } }) =>
  res.json().errors.map((e) => e.field);

describe.each(dialects)('tasks and saved segments on %s', (dialect) => {
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

  it('creates tasks with and without a contact, completes, reopens and filters them', async () => {
    const c = (await ada.call('POST', '/api/v1/contacts', { firstName: 'Ann' })).json();
    const mine = await ada.call('POST', '/api/v1/tasks', {
      title: 'Renew domain',
      dueAt: '2026-03-20T09:00:00Z',
    });
    expect(mine.statusCode).toBe(201);
    expect(mine.json()).toMatchObject({ contactId: null, kind: 'general', done: false, doneAt: null });
    const hers = (
      await ada.call('POST', '/api/v1/tasks', { title: 'Send Ann the deck', contactId: c.id })
    ).json();
    expect(hers.dueAt).toBe('2026-03-10T09:00:00.000Z');

    const titles = async (qs: string) =>
      (await ada.call('GET', `/api/v1/tasks${qs}`)).json().items.map((x: { title: string }) => x.title);
    expect(await titles('')).toEqual(['Send Ann the deck', 'Renew domain']);
    expect(await titles(`?contactId=${c.id}`)).toEqual(['Send Ann the deck']);

    t.deps.clock.set('2026-03-11T08:00:00Z');
    const done = await ada.call('PATCH', `/api/v1/tasks/${hers.id}`, { done: true });
    expect(done.json()).toMatchObject({ done: true, doneAt: '2026-03-11T08:00:00.000Z' });
    expect(await titles('?open=true')).toEqual(['Renew domain']);
    expect(await titles('?open=false')).toEqual(['Send Ann the deck', 'Renew domain']);
    const reopened = await ada.call('PATCH', `/api/v1/tasks/${hers.id}`, {
      done: false,
      title: 'Send the deck',
    });
    expect(reopened.json()).toMatchObject({ done: false, doneAt: null, title: 'Send the deck' });

    expect((await ada.call('DELETE', `/api/v1/tasks/${mine.json().id}`)).statusCode).toBe(204);
    expect(await titles('')).toEqual(['Send the deck']);
    expect((await ada.call('DELETE', `/api/v1/tasks/${mine.json().id}`)).statusCode).toBe(404);
  });

  it('refuses a task for an unknown contact, a bad due date and a bad open flag', async () => {
    expect(fields(await ada.call('POST', '/api/v1/tasks', { title: 'x', contactId: 'nope' }))).toEqual([
      'contactId',
    ]);
    expect(fields(await ada.call('POST', '/api/v1/tasks', { title: 'x', dueAt: 'tomorrow' }))).toContain(
      'dueAt',
    );
    expect(fields(await ada.call('POST', '/api/v1/tasks', { title: '' }))).toContain('title');
    expect((await ada.call('GET', '/api/v1/tasks?open=maybe')).statusCode).toBe(400);
    expect((await ada.call('GET', '/api/v1/tasks')).json().items).toEqual([]);
  });

  it('saves a segment and lists its contacts afresh each time, paged', async () => {
    for (const [firstName, city, tags] of [
      ['Ann', 'Paris', ['vip']],
      ['Bob', 'Paris', []],
      ['Cy', 'Paris', ['vip']],
      ['Di', 'Lyon', ['vip']],
    ] as const) {
      await ada.call('POST', '/api/v1/contacts', { firstName, city, tags });
    }
    const res = await ada.call('POST', '/api/v1/segments', {
      name: 'Paris VIPs',
      filter: { city: 'paris', tag: 'vip' },
    });
    expect(res.statusCode).toBe(201);
    const seg = res.json();
    expect(seg.filter).toEqual({ city: 'paris', tag: 'vip' });
    expect(
      (await ada.call('GET', '/api/v1/segments')).json().items.map((s: { name: string }) => s.name),
    ).toEqual(['Paris VIPs']);
    const page1 = (await ada.call('GET', `/api/v1/segments/${seg.id}/contacts?limit=1`)).json();
    expect(page1.items.map((c: { firstName: string }) => c.firstName)).toEqual(['Ann']);
    const page2 = (
      await ada.call('GET', `/api/v1/segments/${seg.id}/contacts?limit=1&cursor=${page1.nextCursor}`)
    ).json();
    expect(page2.items.map((c: { firstName: string }) => c.firstName)).toEqual(['Cy']);
    expect(page2.nextCursor).toBeNull();
    await ada.call('POST', '/api/v1/contacts', { firstName: 'Eve', city: 'Paris', tags: ['vip'] });
    expect((await ada.call('GET', `/api/v1/segments/${seg.id}/contacts`)).json().items).toHaveLength(3);

    expect((await ada.call('DELETE', `/api/v1/segments/${seg.id}`)).statusCode).toBe(204);
    expect((await ada.call('GET', `/api/v1/segments/${seg.id}/contacts`)).statusCode).toBe(404);
  });

  it('refuses a segment whose filter has an unknown key or a bad date, naming the field', async () => {
    expect(
      fields(await ada.call('POST', '/api/v1/segments', { name: 'x', filter: { colour: 'red' } })),
    ).toContain('filter');
    expect(
      fields(
        await ada.call('POST', '/api/v1/segments', { name: 'x', filter: { lastContactBefore: 'yesterday' } }),
      ),
    ).toContain('filter.lastContactBefore');
    expect((await ada.call('GET', '/api/v1/segments')).json().items).toEqual([]);
  });
});
