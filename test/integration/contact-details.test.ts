import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { dialects, freshStore } from '../helpers/stores';

const fields = (res: { json: () => { errors: { field: string }[] } }) =>
  res.json().errors.map((e) => e.field);

describe.each(dialects)('notes, facts, dates, life events and the timeline on %s', (dialect) => {
  let store: Store;
  let t: TestApp;
  let ada: Caller;
  let contactId: string;

  beforeEach(async () => {
    store = await freshStore(dialect);
    t = await testApp(store);
    ada = await signUp(t.app);
    contactId = (
      await ada.call('POST', '/api/v1/contacts', { firstName: 'Grace', lastName: 'Hopper' })
    ).json().id;
  });
  afterEach(async () => {
    await t.app.close();
    await store.close();
  });

  it('keeps notes, pinned first, and edits and deletes them', async () => {
    const first = (
      await ada.call('POST', `/api/v1/contacts/${contactId}/notes`, { body: 'Met at the conference' })
    ).json();
    t.deps.clock.set('2026-03-10T10:00:00Z');
    const second = await ada.call('POST', `/api/v1/contacts/${contactId}/notes`, { body: 'Likes COBOL' });
    expect(second.statusCode).toBe(201);
    const list = async () =>
      (await ada.call('GET', `/api/v1/contacts/${contactId}/notes`))
        .json()
        .items.map((n: { body: string }) => n.body);
    expect(await list()).toEqual(['Likes COBOL', 'Met at the conference']);
    const pinned = await ada.call('PATCH', `/api/v1/notes/${first.id}`, { pinned: true });
    expect(pinned.json()).toMatchObject({
      pinned: true,
      body: 'Met at the conference',
      updatedAt: '2026-03-10T10:00:00.000Z',
    });
    expect(await list()).toEqual(['Met at the conference', 'Likes COBOL']);
    expect((await ada.call('DELETE', `/api/v1/notes/${first.id}`)).statusCode).toBe(204);
    expect(await list()).toEqual(['Likes COBOL']);
    expect((await ada.call('PATCH', `/api/v1/notes/${first.id}`, { pinned: false })).statusCode).toBe(404);
  });

  it('refuses an empty or oversized note body and a note for an unknown contact', async () => {
    const url = `/api/v1/contacts/${contactId}/notes`;
    expect(fields(await ada.call('POST', url, { body: '  ' }))).toContain('body');
    expect(fields(await ada.call('POST', url, { body: 'x'.repeat(20_001) }))).toContain('body');
    expect((await ada.call('POST', url, { body: 'x'.repeat(20_000) })).statusCode).toBe(201);
    expect((await ada.call('POST', '/api/v1/contacts/nope/notes', { body: 'hi' })).statusCode).toBe(404);
    expect((await ada.call('GET', url)).json().items).toHaveLength(1);
  });

  it('keeps facts, pinned first, and refuses an unknown kind', async () => {
    const url = `/api/v1/contacts/${contactId}/facts`;
    const kid = (await ada.call('POST', url, { kind: 'family', label: 'daughter', value: 'Mia' })).json();
    await ada.call('POST', url, { kind: 'hobby', label: 'sport', value: 'sailing', pinned: true });
    expect((await ada.call('GET', url)).json().items.map((f: { value: string }) => f.value)).toEqual([
      'sailing',
      'Mia',
    ]);
    const patched = await ada.call('PATCH', `/api/v1/facts/${kid.id}`, { value: 'Mia (7)', pinned: true });
    expect(patched.json()).toMatchObject({
      kind: 'family',
      label: 'daughter',
      value: 'Mia (7)',
      pinned: true,
    });
    expect(fields(await ada.call('POST', url, { kind: 'gossip', value: 'x' }))).toContain('kind');
    expect(fields(await ada.call('PATCH', `/api/v1/facts/${kid.id}`, { value: '' }))).toContain('value');
    expect((await ada.call('DELETE', `/api/v1/facts/${kid.id}`)).statusCode).toBe(204);
    expect((await ada.call('GET', url)).json().items).toHaveLength(1);
  });

  it('finds a contact by a word in a note and in a fact value, and forgets it when they go', async () => {
    await ada.call('POST', '/api/v1/contacts', { firstName: 'Other' });
    const names = async (q: string) =>
      (await ada.call('GET', `/api/v1/contacts?q=${q}`))
        .json()
        .items.map((c: { firstName: string }) => c.firstName);
    expect(await names('kayak')).toEqual([]);
    const note = (
      await ada.call('POST', `/api/v1/contacts/${contactId}/notes`, { body: 'Wants to try KAYAKING' })
    ).json();
    expect(await names('kayak')).toEqual(['Grace']);
    const fact = (
      await ada.call('POST', `/api/v1/contacts/${contactId}/facts`, {
        kind: 'interest',
        value: 'Byzantine mosaics',
      })
    ).json();
    expect(await names('mosaic')).toEqual(['Grace']);
    await ada.call('PATCH', `/api/v1/facts/${fact.id}`, { value: 'Roman roads' });
    expect(await names('mosaic')).toEqual([]);
    expect(await names('roman')).toEqual(['Grace']);
    await ada.call('DELETE', `/api/v1/notes/${note.id}`);
    expect(await names('kayak')).toEqual([]);
  });

  it('keeps important dates with default lead days and refuses impossible days naming `day`', async () => {
    const url = `/api/v1/contacts/${contactId}/dates`;
    const bday = await ada.call('POST', url, { kind: 'birthday', month: 2, day: 29 });
    expect(bday.statusCode).toBe(201);
    expect(bday.json()).toMatchObject({ month: 2, day: 29, year: null, leadDays: 7 });
    const anniv = (
      await ada.call('POST', url, { kind: 'work_anniversary', month: 1, day: 15, year: 2019 })
    ).json();
    expect(anniv.leadDays).toBe(3);
    for (const body of [
      { kind: 'birthday', month: 4, day: 31 },
      { kind: 'birthday', month: 2, day: 30 },
      { kind: 'birthday', month: 2, day: 29, year: 2023 },
    ]) {
      const res = await ada.call('POST', url, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(fields(res)).toEqual(['day']);
    }
    expect(fields(await ada.call('POST', url, { kind: 'birthday', month: 13, day: 1 }))).toContain('month');
    expect(fields(await ada.call('POST', url, { kind: 'other', month: 1, day: 1, leadDays: 31 }))).toContain(
      'leadDays',
    );
    // PATCH checks the new month against the stored day: 15 → fine, but 31 June is not.
    expect((await ada.call('PATCH', `/api/v1/dates/${anniv.id}`, { month: 6 })).json()).toMatchObject({
      month: 6,
      day: 15,
    });
    const bad = await ada.call('PATCH', `/api/v1/dates/${anniv.id}`, { day: 31 });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad)).toEqual(['day']);
    expect((await ada.call('GET', url)).json().items.map((d: { month: number }) => d.month)).toEqual([2, 6]);
    expect((await ada.call('DELETE', `/api/v1/dates/${anniv.id}`)).statusCode).toBe(204);
    expect((await ada.call('GET', url)).json().items).toHaveLength(1);
  });

  it('records life events and shows one timeline, newest first, of interactions, notes and events', async () => {
    await ada.call('POST', `/api/v1/contacts/${contactId}/interactions`, {
      channel: 'call',
      direction: 'outbound',
      occurredAt: '2026-03-01T12:00:00Z',
      summary: 'Catch-up',
    });
    const ev = await ada.call('POST', `/api/v1/contacts/${contactId}/life-events`, {
      kind: 'promotion',
      title: 'Now a rear admiral',
      occurredOn: '2026-03-05',
    });
    expect(ev.statusCode).toBe(201);
    expect(ev.json()).toMatchObject({ source: 'manual', kind: 'promotion' });
    await ada.call('POST', `/api/v1/contacts/${contactId}/notes`, { body: 'Send congratulations' });
    expect(
      fields(
        await ada.call('POST', `/api/v1/contacts/${contactId}/life-events`, {
          kind: 'promotion',
          title: 'x',
          occurredOn: '2026-02-30',
        }),
      ),
    ).toContain('occurredOn');
    const timeline = (await ada.call('GET', `/api/v1/contacts/${contactId}/timeline`)).json().items;
    expect(timeline.map((e: { type: string }) => e.type)).toEqual(['note', 'life_event', 'interaction']);
    expect(timeline[1]).toMatchObject({ title: 'Now a rear admiral', at: '2026-03-05T00:00:00.000Z' });
    expect(timeline[2]).toMatchObject({ summary: 'Catch-up', channel: 'call' });
    expect((await ada.call('GET', `/api/v1/contacts/${contactId}/life-events`)).json().items).toHaveLength(1);
    expect((await ada.call('DELETE', `/api/v1/life-events/${ev.json().id}`)).statusCode).toBe(204);
    expect((await ada.call('DELETE', `/api/v1/life-events/${ev.json().id}`)).statusCode).toBe(404);
    expect((await ada.call('GET', `/api/v1/contacts/nope/timeline`)).statusCode).toBe(404);
  });

  it('edits a life event: 400 names the field, another account gets 404 and changes nothing', async () => {
    const ev = (
      await ada.call('POST', `/api/v1/contacts/${contactId}/life-events`, {
        kind: 'promotion',
        title: 'Now a commodore',
        occurredOn: '2026-03-05',
      })
    ).json();
    const edited = await ada.call('PATCH', `/api/v1/life-events/${ev.id}`, {
      title: 'Now a rear admiral',
      occurredOn: '2026-03-06',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      id: ev.id,
      kind: 'promotion',
      title: 'Now a rear admiral',
      occurredOn: '2026-03-06',
      source: 'manual',
    });
    expect((await ada.call('PATCH', `/api/v1/life-events/${ev.id}`, { kind: 'new_job' })).json().kind).toBe(
      'new_job',
    );
    // An empty PATCH changes nothing and is no error.
    expect((await ada.call('PATCH', `/api/v1/life-events/${ev.id}`, {})).json().title).toBe(
      'Now a rear admiral',
    );
    expect(
      fields(await ada.call('PATCH', `/api/v1/life-events/${ev.id}`, { occurredOn: '2026-02-30' })),
    ).toEqual(['occurredOn']);
    expect(fields(await ada.call('PATCH', `/api/v1/life-events/${ev.id}`, { title: '' }))).toEqual(['title']);
    expect(fields(await ada.call('PATCH', `/api/v1/life-events/${ev.id}`, { kind: 'knighthood' }))).toEqual([
      'kind',
    ]);

    const mary = await signUp(t.app, 'mary@example.com', 'Mary');
    const theirs = await mary.call('PATCH', `/api/v1/life-events/${ev.id}`, { title: 'Hijacked' });
    expect(theirs.statusCode).toBe(404);
    expect((await ada.call('PATCH', '/api/v1/life-events/nope', { title: 'x' })).statusCode).toBe(404);
    const items = (await ada.call('GET', `/api/v1/contacts/${contactId}/life-events`)).json().items;
    expect(items).toMatchObject([{ title: 'Now a rear admiral', occurredOn: '2026-03-06', kind: 'new_job' }]);
    const timeline = (await ada.call('GET', `/api/v1/contacts/${contactId}/timeline`)).json().items;
    expect(timeline[0]).toMatchObject({ type: 'life_event', title: 'Now a rear admiral' });
  });
});
