import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { calendarTick } from '../../src/services/capture/capture-calendar';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { calendar, type IcsServer, startIcsServer } from '../helpers/ics-server';
import { dialects, freshStore, type TestStore } from '../helpers/stores';
import { addContact } from './capture-helpers';

// Now: Friday 20 March 2026, 09:00 in London (GMT).
const NOW = '2026-03-20T09:00:00.000Z';
const grace = (partstat = 'ACCEPTED') => [
  'ORGANIZER;CN=Grace Hopper:mailto:grace@navy.example',
  `ATTENDEE;PARTSTAT=${partstat};CN=Ada:mailto:ada@example.com`,
];
const lunch = [
  'UID:lunch@cal',
  'DTSTART:20260310T120000Z',
  'DTEND:20260310T130000Z',
  'SUMMARY:Lunch',
  'DESCRIPTION:private notes',
  ...grace(),
];
const coffee = (start = '20260318T100000Z') => [
  'UID:coffee@cal',
  `DTSTART:${start}`,
  'DURATION:PT30M',
  'SUMMARY:Coffee',
  ...grace(),
];
const review = (status = 'CONFIRMED') => [
  'UID:review@cal',
  'DTSTART:20260316T140000Z',
  'DURATION:PT1H',
  'SUMMARY:Review',
  `STATUS:${status}`,
  ...grace(),
];
const tomorrow = [
  'UID:brief@cal',
  'DTSTART:20260321T100000Z',
  'DURATION:PT1H',
  'SUMMARY:Planning',
  'LOCATION:https://meet.google.com/abc',
  ...grace(),
];
const declined = ['UID:declined@cal', 'DTSTART:20260312T100000Z', 'SUMMARY:Declined', ...grace('DECLINED')];
const yesterday = ['UID:yesterday@cal', 'DTSTART:20260319T160000Z', 'SUMMARY:Workshop', ...grace()];

describe.each(dialects)('calendar capture on %s', (dialect) => {
  let server: IcsServer;
  let store: TestStore;
  let t: TestApp;
  let ada: Caller;
  let graceId: string;

  beforeAll(async () => {
    server = await startIcsServer({ user: 'ada', password: 'app-pass' });
  });
  afterAll(async () => {
    await server?.stop();
  });
  beforeEach(async () => {
    store = await freshStore(dialect);
    t = await testApp(store);
    t.deps.clock.set(NOW);
    ada = await signUp(t.app);
    graceId = await addContact(ada, 'Grace', 'grace@navy.example');
  });
  afterEach(async () => {
    await t.app.close();
    await store.close();
  });

  const addUrl = async (over: Record<string, unknown> = {}) => {
    const res = await ada.call('POST', '/api/v1/sources', {
      kind: 'ics',
      name: 'Work calendar',
      url: `${server.url}/calendar.ics`,
      user: 'ada',
      password: 'app-pass',
      ...over,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string; settings: Record<string, unknown> }>();
  };
  const sync = (id: string) => ada.call('POST', `/api/v1/sources/${id}/sync`);
  const timeline = async () =>
    (await ada.call('GET', `/api/v1/contacts/${graceId}/interactions`)).json<{
      items: { summary: string; occurredAt: string; channel: string; direction: string }[];
    }>().items;
  const todayOf = async () =>
    (await ada.call('GET', '/api/v1/today'))
      .json<{ items: { contactId: string; reasons: { kind: string; text: string }[] }[] }>()
      .items.find((i) => i.contactId === graceId);

  it('reads a subscribed calendar; the second read adds the new, moves the moved, drops the cancelled', async () => {
    server.serve(calendar([lunch, coffee(), review(), tomorrow, declined]));
    const source = await addUrl();
    // The address is a password: only its origin is ever shown.
    expect(source.settings.url).toBe(`${server.url}/…`);
    expect(JSON.stringify(source)).not.toContain('app-pass');

    const first = await sync(source.id);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({
      seen: 5,
      captured: 3,
      skipped: { upcoming: 1, declined: 1 },
      failed: 0,
      errors: [],
    });
    expect(server.auths.at(-1)).toBe(`Basic ${Buffer.from('ada:app-pass').toString('base64')}`);
    expect((await timeline()).map((i) => [i.summary, i.occurredAt, i.channel, i.direction])).toEqual([
      ['Coffee', '2026-03-18T10:00:00.000Z', 'in_person', 'inbound'],
      ['Review', '2026-03-16T14:00:00.000Z', 'in_person', 'inbound'],
      ['Lunch', '2026-03-10T12:00:00.000Z', 'in_person', 'inbound'],
    ]);
    expect(JSON.stringify(await timeline())).not.toContain('private notes');
    expect((await todayOf())?.reasons).toContainEqual(
      expect.objectContaining({ kind: 'meeting', text: 'Meeting tomorrow at 10:00 — read the brief' }),
    );

    // The same calendar again adds nothing.
    expect((await sync(source.id)).json()).toMatchObject({ captured: 0, skipped: { duplicate: 3 } });
    expect(await timeline()).toHaveLength(3);

    // New event, coffee moved to the 19th, review cancelled.
    server.serve(
      calendar([lunch, coffee('20260319T080000Z'), review('CANCELLED'), tomorrow, declined, yesterday]),
    );
    const third = await sync(source.id);
    expect(third.json()).toMatchObject({ seen: 6, captured: 1, skipped: { cancelled: 1, duplicate: 2 } });
    expect((await timeline()).map((i) => [i.summary, i.occurredAt])).toEqual([
      ['Workshop', '2026-03-19T16:00:00.000Z'],
      ['Coffee', '2026-03-19T08:00:00.000Z'],
      ['Lunch', '2026-03-10T12:00:00.000Z'],
    ]);
    const listed = (await ada.call('GET', `/api/v1/sources/${source.id}`)).json();
    expect(listed).toMatchObject({ seen: 6, captured: 3, lastError: null, lastSyncAt: NOW });
  });

  it('a meeting that just happened brings the takeaway task; the meeting tomorrow leaves Today once cancelled', async () => {
    server.serve(calendar([yesterday, tomorrow]));
    const source = await addUrl();
    await sync(source.id);
    const tasks = (await ada.call('GET', `/api/v1/tasks`)).json<{
      items: { kind: string; contactId: string; dueAt: string }[];
    }>().items;
    expect(tasks).toContainEqual(
      expect.objectContaining({ kind: 'takeaway', contactId: graceId, dueAt: '2026-03-20T16:00:00.000Z' }),
    );
    expect((await todayOf())?.reasons.map((r) => r.kind)).toContain('meeting');
    const planning = tomorrow.map((l) => (l === 'SUMMARY:Planning' ? 'STATUS:CANCELLED' : l));
    server.serve(calendar([yesterday, planning]));
    await sync(source.id);
    expect((await todayOf())?.reasons.map((r) => r.kind) ?? []).not.toContain('meeting');
  });

  it('says a wrong password and a missing calendar in words, and changes nothing', async () => {
    server.serve(calendar([lunch]));
    const wrong = await addUrl({ password: 'nope' });
    const res = await sync(wrong.id);
    expect(res.statusCode).toBe(502);
    expect(res.json().detail).toBe(
      'authentication failed: the server says 401 Unauthorized; check the user and app password',
    );
    expect((await ada.call('GET', `/api/v1/sources/${wrong.id}`)).json().lastError).toBe(res.json().detail);
    const missing = await addUrl({ url: `${server.url}/gone.ics` });
    const gone = await sync(missing.id);
    expect(gone.statusCode).toBe(502);
    expect(gone.json().detail).toBe(
      'the calendar was not found: the server says 404 Not Found; check the address',
    );
    expect(await timeline()).toEqual([]);
  });

  it('reads an uploaded .ics file, skipping a broken event with its line', async () => {
    const res = await ada.call('POST', '/api/v1/sources', { kind: 'ics', name: 'Export' });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    const text = calendar([lunch, ['UID:bad', 'DTSTART:tomorrow-ish']]);
    const upload = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/sources/${id}/upload`,
        headers: { authorization: `Bearer ${ada.token}`, 'content-type': 'text/calendar' },
        payload: text,
      });
    const first = await upload();
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      seen: 2,
      captured: 1,
      failed: 1,
      errors: [expect.stringMatching(/^event 2 \(line 13\)/)],
    });
    expect((await upload()).json()).toMatchObject({ captured: 0 });
    expect(await timeline()).toHaveLength(1);
    // A file source has no address to read again.
    expect((await sync(id)).statusCode).toBe(400);
  });

  it('the job re-reads a subscribed calendar every 15 minutes, and never an uploaded file', async () => {
    server.serve(calendar([lunch]));
    await addUrl();
    const file = await ada.call('POST', '/api/v1/sources', { kind: 'ics', name: 'Export' });
    expect(file.statusCode).toBe(201);
    const errors: unknown[] = [];
    const reads = () => server.auths.length;
    const before = reads();
    await calendarTick(t.deps, (e) => errors.push(e));
    expect(reads()).toBe(before + 1);
    expect(await timeline()).toHaveLength(1);
    t.deps.clock.set('2026-03-20T09:10:00.000Z');
    await calendarTick(t.deps, (e) => errors.push(e));
    expect(reads()).toBe(before + 1);
    t.deps.clock.set('2026-03-20T09:16:00.000Z');
    await calendarTick(t.deps, (e) => errors.push(e));
    expect(reads()).toBe(before + 2);
    expect(await timeline()).toHaveLength(1);
    expect(errors).toEqual([]);
    expect((await ada.call('GET', `/api/v1/sources/${file.json().id}`)).json().lastSyncAt).toBeNull();
  });

  it('refuses a password without an address, and an address that is not http(s)', async () => {
    const noUrl = await ada.call('POST', '/api/v1/sources', {
      kind: 'ics',
      name: 'X',
      user: 'a',
      password: 'b',
    });
    expect(noUrl.statusCode).toBe(400);
    const ftp = await ada.call('POST', '/api/v1/sources', {
      kind: 'ics',
      name: 'X',
      url: 'ftp://x.example/c.ics',
    });
    expect(ftp.statusCode).toBe(400);
    expect(ftp.body).toContain('url');
  });
});
