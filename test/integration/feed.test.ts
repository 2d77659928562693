import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { dialects, freshStore, type TestStore } from '../helpers/stores';

/** Text that breaks naive writers: RFC 5545 separators, a line break and markup. */
const TRICKY = 'Ada, "the Countess"; <b>Lovelace</b>';

function parse(text: string): { cal: ICAL.Component; events: ICAL.Event[] } {
  const cal = new ICAL.Component(ICAL.parse(text));
  return { cal, events: cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

function occurrences(ev: ICAL.Event, count: number): string[] {
  const it = ev.iterator();
  const out: string[] = [];
  for (let t = it.next(); t && out.length < count; t = it.next()) out.push(t.toString());
  return out;
}

describe.each(dialects)('calendar feed on %s', (dialect) => {
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

  const created = async (url: string, body: object) => {
    const res = await ada.call('POST', url, body);
    expect(res.statusCode, `${url}: ${res.body}`).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const feed = (path: string) => t.app.inject({ method: 'GET', url: path });

  it('issues a secret once, serves the feed without sign-in, and rotate/revoke cut the old URL off', async () => {
    const made = await ada.call('POST', '/api/v1/feed-tokens');
    expect(made.statusCode, made.body).toBe(201);
    const first = made.json<{ id: string; token: string; path: string; prefix: string }>();
    expect(first.path).toBe(`/feed/${first.token}.ics`);
    expect(first.token.startsWith(first.prefix)).toBe(true);

    const listed = (await ada.call('GET', '/api/v1/feed-tokens')).json();
    expect(listed.items).toEqual([
      { id: first.id, prefix: first.prefix, createdAt: '2026-03-10T09:00:00.000Z' },
    ]);
    expect(JSON.stringify(listed)).not.toContain(first.token);
    const stored = await store.db.selectFrom('feed_tokens').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(first.token);

    const ok = await feed(first.path);
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toMatch(/^text\/calendar/);
    expect(parse(ok.body).cal.getFirstPropertyValue('x-wr-calname')).toBe('Tend');

    const rotated = await ada.call('POST', `/api/v1/feed-tokens/${first.id}/rotate`);
    expect(rotated.statusCode).toBe(201);
    const second = rotated.json<{ id: string; path: string }>();
    expect(second.id).not.toBe(first.id);
    expect((await feed(first.path)).statusCode).toBe(404);
    expect((await feed(second.path)).statusCode).toBe(200);
    expect((await ada.call('POST', `/api/v1/feed-tokens/${first.id}/rotate`)).statusCode).toBe(404);

    // Another account cannot revoke or rotate it.
    const bob = await signUp(t.app, 'bob@example.com', 'Bob');
    expect((await bob.call('DELETE', `/api/v1/feed-tokens/${second.id}`)).statusCode).toBe(404);
    expect((await bob.call('POST', `/api/v1/feed-tokens/${second.id}/rotate`)).statusCode).toBe(404);
    expect((await feed(second.path)).statusCode).toBe(200);

    expect((await ada.call('DELETE', `/api/v1/feed-tokens/${second.id}`)).statusCode).toBe(204);
    expect((await feed(second.path)).statusCode).toBe(404);
    expect((await ada.call('DELETE', `/api/v1/feed-tokens/${second.id}`)).statusCode).toBe(404);
    expect((await ada.call('GET', '/api/v1/feed-tokens')).json().items).toEqual([]);
    expect((await feed('/feed/feed_nonsense.ics')).statusCode).toBe(404);
    expect((await feed('/feed/')).statusCode).toBe(404);
  });

  it('holds yearly dates, timed tasks and today reminders that ical.js reads back exactly', async () => {
    const contact = await created('/api/v1/contacts', {
      firstName: TRICKY,
      lastName: 'King',
      timeZone: 'Europe/Paris',
      emails: [{ value: 'ada@example.org' }],
    });
    const c = `/api/v1/contacts/${contact}`;
    // In two days: it also puts her in today's queue.
    const birthday = await created(`${c}/dates`, { kind: 'birthday', month: 3, day: 12, year: 1990 });
    const leap = await created(`${c}/dates`, {
      kind: 'work_anniversary',
      month: 2,
      day: 29,
      label: 'joined; Ltd',
    });
    const title = 'Send deck, v2; <script>alert(1)</script>\nthen call';
    // Europe/Paris switches to summer time at 01:00Z on 29 March 2026: 10:00 local is 08:00Z.
    const dst = await created('/api/v1/tasks', {
      title,
      contactId: contact,
      kind: 'follow_up',
      dueAt: '2026-03-29T10:00:00+02:00',
    });
    const plain = await created('/api/v1/tasks', { title: 'Renew domain', dueAt: '2026-03-11T16:15:00Z' });
    const done = await created('/api/v1/tasks', { title: 'Done already', dueAt: '2026-03-20T10:00:00Z' });
    expect((await ada.call('PATCH', `/api/v1/tasks/${done}`, { done: true })).statusCode).toBe(200);
    await created('/api/v1/tasks', { title: 'Long past', dueAt: '2026-01-01T10:00:00Z' });

    const path = (await ada.call('POST', '/api/v1/feed-tokens')).json<{ path: string }>().path;
    const res = await feed(path);
    expect(res.statusCode).toBe(200);
    const { cal, events } = parse(res.body);
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    const byUid = new Map(events.map((e) => [e.uid, e]));
    expect([...byUid.keys()].sort()).toEqual(
      [
        `date-${birthday}@tend`,
        `date-${leap}@tend`,
        `task-${dst}@tend`,
        `task-${plain}@tend`,
        `today-2026-03-10-${contact}@tend`,
      ].sort(),
    );

    const bday = byUid.get(`date-${birthday}@tend`)!;
    expect(bday.summary).toBe(`Birthday: ${TRICKY} King`);
    expect(bday.startDate.isDate).toBe(true);
    expect(bday.isRecurring()).toBe(true);
    expect(occurrences(bday, 3)).toEqual(['1990-03-12', '1991-03-12', '1992-03-12']);
    const anniversary = byUid.get(`date-${leap}@tend`)!;
    expect(anniversary.summary).toBe(`Work anniversary: ${TRICKY} King (joined; Ltd)`);
    expect(occurrences(anniversary, 3)).toEqual(['2000-02-29', '2001-02-28', '2002-02-28']);

    const task = byUid.get(`task-${dst}@tend`)!;
    expect(task.summary).toBe(`${title} (${TRICKY} King)`);
    expect(task.startDate.toJSDate().toISOString()).toBe('2026-03-29T08:00:00.000Z');
    expect(task.endDate.toJSDate().toISOString()).toBe('2026-03-29T08:30:00.000Z');
    expect(DateTime.fromJSDate(task.startDate.toJSDate(), { zone: 'Europe/Paris' }).toFormat('HH:mm')).toBe(
      '10:00',
    );
    expect(byUid.get(`task-${plain}@tend`)!.startDate.toJSDate().toISOString()).toBe(
      '2026-03-11T16:15:00.000Z',
    );

    const reminder = byUid.get(`today-2026-03-10-${contact}@tend`)!;
    expect(reminder.summary).toBe(`Reach out to ${TRICKY} King`);
    expect(reminder.startDate.toString()).toBe('2026-03-10');
    expect(reminder.startDate.isDate).toBe(true);
    expect(reminder.isRecurring()).toBe(false);
    expect(reminder.description).toMatch(/birthday/i);
    expect(reminder.description.split('\n').length).toBeGreaterThanOrEqual(2);

    // Nothing but standard properties are required: every VEVENT has UID, DTSTAMP and DTSTART.
    for (const v of cal.getAllSubcomponents('vevent')) {
      for (const name of ['uid', 'dtstamp', 'dtstart']) expect(v.hasProperty(name), name).toBe(true);
    }
    // The feed of one account never shows another's rows.
    const bob = await signUp(t.app, 'bob@example.com', 'Bob');
    const bobPath = (await bob.call('POST', '/api/v1/feed-tokens')).json<{ path: string }>().path;
    expect(parse((await feed(bobPath)).body).events).toEqual([]);
  });

  it('writes a catch-up invitation with the contact invited and the user organising', async () => {
    const contact = await created('/api/v1/contacts', {
      firstName: TRICKY,
      lastName: 'King',
      timeZone: 'America/New_York',
      emails: [{ value: 'ada@example.org' }],
    });
    // Paris leaves summer time on 25 October 2026: 10:00 local is then 09:00Z, not 08:00Z.
    const url = `/api/v1/contacts/${contact}/catch-up.ics?start=${encodeURIComponent('2026-10-25T10:00:00+01:00')}&minutes=45&format=lunch`;
    const res = await ada.call('GET', url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="catch-up-[a-z0-9-]+\.ics"$/);
    const { cal, events } = parse(res.body);
    expect(cal.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(events).toHaveLength(1);
    const ev = events[0]!;
    expect(ev.summary).toBe(`Lunch: Ada & ${TRICKY} King`);
    expect(ev.startDate.toJSDate().toISOString()).toBe('2026-10-25T09:00:00.000Z');
    expect(ev.endDate.toJSDate().toISOString()).toBe('2026-10-25T09:45:00.000Z');
    // New York is still on summer time that day (it changes on 1 November): 05:00 there.
    expect(ev.description).toContain('Sun 25 Oct, 05:00 (America/New_York)');
    expect(ev.organizer).toBe('mailto:ada@example.com');
    const attendees = ev.attendees.map((a) => ({ cn: a.getParameter('cn'), value: a.getFirstValue() }));
    // A parameter value cannot hold a double quote (RFC 5545 §3.2), so the writer turns it into '.
    expect(attendees).toEqual([
      { cn: `${TRICKY.replaceAll('"', "'")} King`, value: 'mailto:ada@example.org' },
    ]);

    // Without a start: tomorrow at 10:00 in the user's zone (Europe/London, still on GMT in March).
    const later = parse((await ada.call('GET', `/api/v1/contacts/${contact}/catch-up.ics`)).body).events[0]!;
    expect(later.startDate.toJSDate().toISOString()).toBe('2026-03-11T10:00:00.000Z');
    expect(later.summary).toMatch(/^Virtual coffee: /);
    expect(later.component.getFirstPropertyValue('location')).toBe('Video call');

    const bad = await ada.call(
      'GET',
      `/api/v1/contacts/${contact}/catch-up.ics?start=tomorrow&format=picnic`,
    );
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['format', 'start']);
    const lonely = await created('/api/v1/contacts', { firstName: 'No', lastName: 'Mail' });
    const none = await ada.call('GET', `/api/v1/contacts/${lonely}/catch-up.ics`);
    expect(none.statusCode).toBe(400);
    expect(none.json().detail).toMatch(/no e-mail/);
    const bob = await signUp(t.app, 'bob@example.com', 'Bob');
    expect((await bob.call('GET', `/api/v1/contacts/${contact}/catch-up.ics`)).statusCode).toBe(404);
  });
});
