import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { dialects, freshStore } from '../helpers/stores';

describe.each(dialects)('a birthday straight on the contact on %s', (dialect) => {
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

  const dates = async (id: string) => (await ada.call('GET', `/api/v1/contacts/${id}/dates`)).json().items;

  it('creates, changes and removes the birthday date with the contact, with or without a year', async () => {
    const created = await ada.call('POST', '/api/v1/contacts', {
      firstName: 'Grace',
      birthday: { month: 12, day: 9, year: 1906 },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect(await dates(id)).toMatchObject([{ kind: 'birthday', month: 12, day: 9, year: 1906, leadDays: 7 }]);

    expect(
      (await ada.call('PATCH', `/api/v1/contacts/${id}`, { birthday: { month: 3, day: 14 } })).statusCode,
    ).toBe(200);
    expect(await dates(id)).toMatchObject([{ kind: 'birthday', month: 3, day: 14, year: null }]);
    // Absent leaves it alone; an anniversary is not a birthday and stays when the birthday goes.
    await ada.call('POST', `/api/v1/contacts/${id}/dates`, { kind: 'work_anniversary', month: 6, day: 1 });
    await ada.call('PATCH', `/api/v1/contacts/${id}`, { company: 'Navy' });
    expect(await dates(id)).toHaveLength(2);
    await ada.call('PATCH', `/api/v1/contacts/${id}`, { birthday: null });
    expect((await dates(id)).map((d: { kind: string }) => d.kind)).toEqual(['work_anniversary']);
  });

  it('refuses a day the month does not have, naming the field, and writes nothing', async () => {
    const bad = await ada.call('POST', '/api/v1/contacts', {
      firstName: 'Grace',
      birthday: { month: 2, day: 30 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['birthday.day']);
    const leap = await ada.call('POST', '/api/v1/contacts', {
      firstName: 'Grace',
      birthday: { month: 2, day: 29, year: 1900 },
    });
    expect(leap.statusCode).toBe(400);
    expect((await ada.call('GET', '/api/v1/contacts')).json().total).toBe(0);
    const ok = await ada.call('POST', '/api/v1/contacts', {
      firstName: 'Leap',
      birthday: { month: 2, day: 29 },
    });
    expect(ok.statusCode).toBe(201);
    const id = ok.json().id;
    const badPatch = await ada.call('PATCH', `/api/v1/contacts/${id}`, {
      firstName: 'Changed',
      birthday: { month: 4, day: 31 },
    });
    expect(badPatch.statusCode).toBe(400);
    expect((await ada.call('GET', `/api/v1/contacts/${id}`)).json().firstName).toBe('Leap');
    expect(await dates(id)).toMatchObject([{ month: 2, day: 29 }]);
  });
});
