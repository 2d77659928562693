import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { calendar } from '../helpers/ics-server';
import { type Radicale, startRadicale } from '../helpers/radicale';
import { dialects, freshStore, type TestStore } from '../helpers/stores';
import { addContact } from './capture-helpers';

const event = (uid: string, start: string, summary: string, extra: string[] = []) =>
  calendar([
    [
      `UID:${uid}`,
      `DTSTART;TZID=Europe/Berlin:${start}`,
      'DURATION:PT1H',
      `SUMMARY:${summary}`,
      'ORGANIZER:mailto:ada@example.com',
      'ATTENDEE;PARTSTAT=ACCEPTED:mailto:grace@navy.example',
      ...extra,
    ],
  ]);

describe.each(dialects)('a CalDAV collection (Radicale) as a calendar source on %s', (dialect) => {
  let radicale: Radicale;
  let collection: string;
  let store: TestStore;
  let t: TestApp;
  let ada: Caller;
  let grace: string;

  beforeAll(async () => {
    radicale = await startRadicale();
    collection = await radicale.mkcalendar(`work-${dialect}`);
    await radicale.put(
      collection,
      'weekly.ics',
      event('weekly@r', '20260305T100000', '1:1', ['RRULE:FREQ=WEEKLY;COUNT=3']),
    );
    await radicale.put(collection, 'tomorrow.ics', event('tomorrow@r', '20260321T090000', 'Planning'));
  }, 30_000);
  afterAll(async () => {
    await radicale?.stop();
  });
  beforeEach(async () => {
    store = await freshStore(dialect);
    t = await testApp(store);
    t.deps.clock.set('2026-03-20T09:00:00.000Z');
    ada = await signUp(t.app);
    grace = await addContact(ada, 'Grace', 'grace@navy.example');
  });
  afterEach(async () => {
    await t.app.close();
    await store.close();
  });

  it('reads the collection with the user and app password, expanding its recurring event', async () => {
    const res = await ada.call('POST', '/api/v1/sources', {
      kind: 'ics',
      name: 'Radicale',
      url: collection,
      user: radicale.user,
      password: radicale.password,
    });
    expect(res.statusCode, res.body).toBe(201);
    const run = await ada.call('POST', `/api/v1/sources/${res.json().id}/sync`);
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json()).toMatchObject({ seen: 4, captured: 3, skipped: { upcoming: 1 }, failed: 0 });
    const items = (await ada.call('GET', `/api/v1/contacts/${grace}/interactions`)).json().items;
    expect(items.map((i: { occurredAt: string; direction: string }) => [i.occurredAt, i.direction])).toEqual([
      ['2026-03-19T09:00:00.000Z', 'outbound'],
      ['2026-03-12T09:00:00.000Z', 'outbound'],
      ['2026-03-05T09:00:00.000Z', 'outbound'],
    ]);
    const today = (await ada.call('GET', '/api/v1/today'))
      .json()
      .items.find((i: { contactId: string }) => i.contactId === grace);
    expect(today.reasons).toContainEqual(
      expect.objectContaining({ kind: 'meeting', text: 'Meeting tomorrow at 08:00 — read the brief' }),
    );

    const wrong = await ada.call('POST', '/api/v1/sources', {
      kind: 'ics',
      name: 'Radicale, wrong password',
      url: collection,
      user: radicale.user,
      password: 'wrong',
    });
    const failed = await ada.call('POST', `/api/v1/sources/${wrong.json().id}/sync`);
    expect(failed.statusCode).toBe(502);
    expect(failed.json().detail).toMatch(/^authentication failed: the server says 401/);
  });
});
