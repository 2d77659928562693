import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { dialects, freshStore } from '../helpers/stores';

const fields = (res: { json: () => { errors?: { field: string }[] } }) =>
  (res.json().errors ?? []).map((e) => e.field);

describe.each(dialects)('relationships between contacts (F29) on %s', (dialect) => {
  let store: Store;
  let t: TestApp;
  let ada: Caller;
  const ids: Record<string, string> = {};

  const add = async (firstName: string) =>
    (await ada.call('POST', '/api/v1/contacts', { firstName, lastName: 'Test' })).json().id as string;
  const list = async (id: string) => (await ada.call('GET', `/api/v1/contacts/${id}/relationships`)).json();
  const relate = (id: string, body: object) => ada.call('POST', `/api/v1/contacts/${id}/relationships`, body);

  beforeEach(async () => {
    store = await freshStore(dialect);
    t = await testApp(store);
    ada = await signUp(t.app);
    for (const name of ['Grace', 'Alan', 'Joan', 'Kay']) ids[name] = await add(name);
  });
  afterEach(async () => {
    await t.app.close();
    await store.close();
  });

  it('shows one relationship on both people’s pages, each in their own words', async () => {
    const res = await relate(ids.Grace!, { kind: 'manager', otherId: ids.Alan, note: 'since 2024' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'manager',
      label: 'Manager',
      person: { id: ids.Alan, displayName: 'Alan Test' },
      note: 'since 2024',
      createdAt: '2026-03-10T09:00:00.000Z',
    });
    expect((await relate(ids.Grace!, { kind: 'spouse', otherId: ids.Joan })).statusCode).toBe(201);

    const grace = await list(ids.Grace!);
    expect(
      grace.items.map((r: { label: string; person: { displayName: string } }) => [
        r.label,
        r.person.displayName,
      ]),
    ).toEqual([
      ['Manager', 'Alan Test'],
      ['Spouse', 'Joan Test'],
    ]);
    const alan = await list(ids.Alan!);
    expect(alan.items).toHaveLength(1);
    expect(alan.items[0]).toMatchObject({ label: 'Direct report', person: { id: ids.Grace } });
    expect((await list(ids.Joan!)).items[0]).toMatchObject({ label: 'Spouse', person: { id: ids.Grace } });
    expect((await list(ids.Kay!)).items).toEqual([]);
  });

  it('names whom you are in touch with as the warm path to someone, most recent first', async () => {
    await relate(ids.Kay!, { kind: 'colleague', otherId: ids.Alan });
    await relate(ids.Kay!, { kind: 'introduced_by', otherId: ids.Joan });
    await relate(ids.Grace!, { kind: 'knows', otherId: ids.Kay });
    expect((await list(ids.Kay!)).introducers).toEqual([]);
    const log = (id: string, occurredAt: string) =>
      ada.call('POST', `/api/v1/contacts/${id}/interactions`, {
        channel: 'email',
        direction: 'outbound',
        occurredAt,
      });
    await log(ids.Alan!, '2026-01-05T10:00:00.000Z');
    await log(ids.Joan!, '2026-03-01T10:00:00.000Z');
    expect((await list(ids.Kay!)).introducers).toEqual([
      {
        id: ids.Joan,
        displayName: 'Joan Test',
        label: 'Introduced by',
        lastInteractionAt: '2026-03-01T10:00:00.000Z',
      },
      {
        id: ids.Alan,
        displayName: 'Alan Test',
        label: 'Colleague',
        lastInteractionAt: '2026-01-05T10:00:00.000Z',
      },
    ]);
  });

  it('refuses a self-link, an unknown person, a bad kind and a duplicate, naming the field, and writes nothing', async () => {
    const self = await relate(ids.Grace!, { kind: 'knows', otherId: ids.Grace });
    expect(self.statusCode).toBe(400);
    expect(fields(self)).toEqual(['otherId']);
    const unknown = await relate(ids.Grace!, { kind: 'knows', otherId: 'nope' });
    expect(unknown.statusCode).toBe(400);
    expect(fields(unknown)).toEqual(['otherId']);
    const badKind = await relate(ids.Grace!, { kind: 'nemesis', otherId: ids.Alan });
    expect(badKind.statusCode).toBe(400);
    expect(fields(badKind)).toContain('kind');
    expect(
      fields(await relate(ids.Grace!, { kind: 'knows', otherId: ids.Alan, note: 'x'.repeat(501) })),
    ).toContain('note');
    expect((await relate('nope', { kind: 'knows', otherId: ids.Alan })).statusCode).toBe(404);

    expect((await relate(ids.Grace!, { kind: 'colleague', otherId: ids.Alan })).statusCode).toBe(201);
    // Symmetric: Alan–Grace is the same colleague link as Grace–Alan.
    expect((await relate(ids.Alan!, { kind: 'colleague', otherId: ids.Grace })).statusCode).toBe(409);
    expect((await relate(ids.Grace!, { kind: 'colleague', otherId: ids.Alan })).statusCode).toBe(409);
    // Directed: each can be the other's manager only once, but the reverse is a different statement.
    expect((await relate(ids.Grace!, { kind: 'manager', otherId: ids.Alan })).statusCode).toBe(201);
    expect((await relate(ids.Alan!, { kind: 'manager', otherId: ids.Grace })).statusCode).toBe(201);
    expect((await list(ids.Grace!)).items).toHaveLength(3);
  });

  it('edits the kind and note in place, deletes, and goes with either person', async () => {
    const r = (await relate(ids.Grace!, { kind: 'knows', otherId: ids.Alan })).json();
    await relate(ids.Grace!, { kind: 'colleague', otherId: ids.Joan });
    const patched = await ada.call('PATCH', `/api/v1/relationships/${r.id}`, {
      kind: 'partner',
      note: 'met at Bletchley',
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ kind: 'partner', label: 'Partner', note: 'met at Bletchley' });
    expect((await ada.call('PATCH', `/api/v1/relationships/${r.id}`, { note: null })).json().note).toBeNull();
    const clash = (await relate(ids.Joan!, { kind: 'knows', otherId: ids.Alan })).json();
    expect(
      (await ada.call('PATCH', `/api/v1/relationships/${clash.id}`, { kind: 'spouse' })).statusCode,
    ).toBe(200);
    expect((await ada.call('DELETE', `/api/v1/relationships/${r.id}`)).statusCode).toBe(204);
    expect((await ada.call('DELETE', `/api/v1/relationships/${r.id}`)).statusCode).toBe(404);
    expect((await list(ids.Alan!)).items.map((x: { person: { id: string } }) => x.person.id)).toEqual([
      ids.Joan,
    ]);
    await ada.call('DELETE', `/api/v1/contacts/${ids.Joan}`);
    expect((await list(ids.Grace!)).items).toEqual([]);
    expect((await list(ids.Alan!)).items).toEqual([]);
  });

  it('reverses a directed link, so both pages swap labels, and refuses a reversal onto an existing one', async () => {
    const r = (await relate(ids.Grace!, { kind: 'manager', otherId: ids.Alan })).json();
    const label = async (page: string) =>
      (await list(page)).items.map((x: { label: string; person: { id: string } }) => [x.label, x.person.id]);
    expect(await label(ids.Grace!)).toEqual([['Manager', ids.Alan]]);
    const flipped = await ada.call('PATCH', `/api/v1/relationships/${r.id}`, { reverse: true });
    expect(flipped.statusCode, flipped.body).toBe(200);
    expect(flipped.json()).toMatchObject({ contactId: ids.Alan, otherId: ids.Grace, label: 'Manager' });
    expect(await label(ids.Grace!)).toEqual([['Direct report', ids.Alan]]);
    expect(await label(ids.Alan!)).toEqual([['Manager', ids.Grace]]);
    // Symmetric kinds have no direction: reverse is a no-op, not an error.
    const sym = await ada.call('PATCH', `/api/v1/relationships/${r.id}`, {
      kind: 'colleague',
      reverse: true,
    });
    expect(sym.json()).toMatchObject({ kind: 'colleague', contactId: ids.Alan });
    await ada.call('PATCH', `/api/v1/relationships/${r.id}`, { kind: 'manager' });
    await relate(ids.Grace!, { kind: 'manager', otherId: ids.Alan });
    const clash = await ada.call('PATCH', `/api/v1/relationships/${r.id}`, { reverse: true });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().errors.map((e: { field: string }) => e.field)).toEqual(['kind']);
    const bad = await ada.call('PATCH', `/api/v1/relationships/${r.id}`, { reverse: 'yes' });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad)).toEqual(['reverse']);
  });

  it('keeps each account’s relationships to itself', async () => {
    const r = (await relate(ids.Grace!, { kind: 'knows', otherId: ids.Alan })).json();
    const mary = await signUp(t.app, 'mary@example.com', 'Mary');
    const marys = (await mary.call('POST', '/api/v1/contacts', { firstName: 'Charles' })).json().id;
    expect((await mary.call('GET', `/api/v1/contacts/${ids.Grace}/relationships`)).statusCode).toBe(404);
    expect((await mary.call('PATCH', `/api/v1/relationships/${r.id}`, { note: 'x' })).statusCode).toBe(404);
    expect((await mary.call('DELETE', `/api/v1/relationships/${r.id}`)).statusCode).toBe(404);
    const across = await mary.call('POST', `/api/v1/contacts/${marys}/relationships`, {
      kind: 'knows',
      otherId: ids.Grace,
    });
    expect(across.statusCode).toBe(400);
    expect((await list(ids.Grace!)).items).toHaveLength(1);
  });

  it('travels in the backup and comes back on restore', async () => {
    await relate(ids.Grace!, { kind: 'introduced_by', otherId: ids.Alan, note: 'at the Royal Society' });
    const backup = (await ada.call('GET', '/api/v1/export/backup.json')).json();
    expect(backup.relationships).toHaveLength(1);
    const mary = await signUp(t.app, 'mary@example.com', 'Mary');
    const restored = await mary.call('POST', '/api/v1/import/backup', backup);
    expect(restored.statusCode, restored.body).toBeLessThan(300);
    expect(
      (await mary.call('GET', `/api/v1/contacts/${ids.Grace}/relationships`)).json().items[0],
    ).toMatchObject({
      label: 'Introduced by',
      note: 'at the Royal Society',
    });
  });
});
