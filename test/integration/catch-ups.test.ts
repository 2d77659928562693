import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { dialects, freshStore } from '../helpers/stores';

// The test clock stands at Tue 2026-03-10 09:00Z: New York is on EDT (UTC−4) since 8 March,
// London still on GMT until 29 March, Auckland on NZDT (UTC+13), Los Angeles on PDT (UTC−7).
interface Slot {
  startAt: string;
  endAt: string;
  mine: string;
  theirs: string;
}

describe.each(dialects)('catch-ups on %s', (dialect) => {
  let store: Store;
  let t: TestApp;
  let ada: Caller;

  beforeEach(async () => {
    store = await freshStore(dialect);
    t = await testApp(store);
    ada = await signUp(t.app); // Europe/London
  });
  afterEach(async () => {
    await t.app.close();
    await store.close();
  });

  const add = async (body: Record<string, unknown>) => {
    const res = await ada.call('POST', '/api/v1/contacts', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const slots = async (id: string, query: string) => {
    const res = await ada.call('GET', `/api/v1/contacts/${id}/slots?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ assumedZone: boolean; theirZone: string; minutes: number; items: Slot[] }>();
  };

  it('suggests London ↔ New York slots inside both working days, labelled in both zones', async () => {
    const ny = await add({ firstName: 'Nia', timeZone: 'America/New_York' });
    const res = await slots(ny, 'format=virtual_coffee&days=14');
    expect(res).toMatchObject({ assumedZone: false, theirZone: 'America/New_York', minutes: 15 });
    expect(res.items).toHaveLength(6);
    // The overlap today is 13:00–17:30 London = 09:00–13:30 New York.
    expect(res.items[0]).toEqual({
      startAt: '2026-03-10T13:00:00Z',
      endAt: '2026-03-10T13:15:00Z',
      mine: 'Tue 10 Mar 13:00',
      theirs: 'Tue 10 Mar 09:00',
    });
    for (const s of res.items) {
      const london = DateTime.fromISO(s.startAt).setZone('Europe/London');
      const newYork = DateTime.fromISO(s.startAt).setZone('America/New_York');
      expect(london.weekday).toBeLessThanOrEqual(5);
      expect(
        newYork.toFormat('HH:mm') >= '09:00' && london.plus({ minutes: 15 }).toFormat('HH:mm') <= '17:30',
      ).toBe(true);
      expect(s.mine).toBe(london.toFormat('ccc d LLL HH:mm'));
      expect(s.theirs).toBe(newYork.toFormat('ccc d LLL HH:mm'));
      expect(Date.parse(s.startAt)).toBeLessThan(Date.parse('2026-03-24T09:00:00Z'));
    }
  });

  it('assumes the user’s zone for a contact without one, and says so', async () => {
    const id = await add({ firstName: 'Zed' });
    const res = await slots(id, 'format=walk');
    expect(res).toMatchObject({ assumedZone: true, theirZone: 'Europe/London', minutes: 45 });
    expect(res.items[0]).toMatchObject({ startAt: '2026-03-10T10:00:00Z', mine: 'Tue 10 Mar 10:00' });
    expect(res.items[0]!.theirs).toBe(res.items[0]!.mine);
  });

  it('finds no lunch across the Pacific, but a coffee on the day before theirs', async () => {
    expect(
      (await ada.call('PATCH', '/api/v1/me/settings', { timeZone: 'Pacific/Auckland' })).statusCode,
    ).toBe(200);
    const la = await add({ firstName: 'Lou', timeZone: 'America/Los_Angeles' });
    expect((await slots(la, 'format=lunch')).items).toEqual([]);
    const coffee = (await slots(la, 'format=virtual_coffee')).items;
    expect(coffee.length).toBeGreaterThan(0);
    for (const s of coffee) {
      const mine = DateTime.fromISO(s.startAt).setZone('Pacific/Auckland');
      const theirs = DateTime.fromISO(s.startAt).setZone('America/Los_Angeles');
      expect(mine.toFormat('HH:mm') < '12:00').toBe(true);
      expect(theirs.toFormat('HH:mm') >= '13:00').toBe(true);
      expect(mine.weekday).not.toBe(theirs.weekday);
    }
  });

  it("uses the user's working hours from settings, and names a bad field", async () => {
    const ny = await add({ firstName: 'Nia', timeZone: 'America/New_York' });
    const me = await ada.call('PATCH', '/api/v1/me/settings', {
      workingHours: { start: '15:00', end: '17:30', days: [1, 2, 3, 4, 5] },
    });
    expect(me.json().workingHours).toEqual({ start: '15:00', end: '17:30', days: [1, 2, 3, 4, 5] });
    expect((await slots(ny, 'format=virtual_coffee')).items[0]!.startAt).toBe('2026-03-10T15:00:00Z');
    const bad = await ada.call('PATCH', '/api/v1/me/settings', {
      workingHours: { start: '18:00', end: '09:00', days: [1] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('workingHours.end');
    await ada.call('PATCH', '/api/v1/me/settings', { workingHours: null });
    expect((await ada.call('GET', '/api/v1/me')).json().workingHours).toMatchObject({ start: '09:00' });
    const badQuery = await ada.call('GET', `/api/v1/contacts/${ny}/slots?format=brunch`);
    expect(badQuery.statusCode).toBe(400);
    expect(badQuery.json().errors[0].field).toBe('format');
  });

  it('plans, invites, completes with a logged meeting and a takeaway task, and cancels', async () => {
    const nia = await add({
      firstName: 'Nia',
      timeZone: 'America/New_York',
      emails: [{ value: 'nia@x.example' }],
    });
    const plan = await ada.call('POST', `/api/v1/contacts/${nia}/catch-ups`, {
      format: 'virtual_coffee',
      startAt: '2026-03-11T13:00:00Z',
      note: 'Talk about the offsite',
    });
    expect(plan.statusCode, plan.body).toBe(201);
    const coffee = plan.json();
    expect(coffee).toMatchObject({
      contactId: nia,
      name: 'Nia',
      status: 'planned',
      startAt: '2026-03-11T13:00:00.000Z',
      endAt: '2026-03-11T13:15:00.000Z',
    });
    const ics = await ada.call('GET', coffee.invitationUrl);
    expect(ics.statusCode, ics.body).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain('DTSTART:20260311T130000Z');
    expect(ics.body).toContain('DTEND:20260311T131500Z');
    expect(ics.body).toContain('ATTENDEE;CN=Nia');

    const walk = (
      await ada.call('POST', `/api/v1/contacts/${nia}/catch-ups`, {
        format: 'walk',
        startAt: '2026-03-12T14:00:00Z',
      })
    ).json();
    const upcoming = (await ada.call('GET', '/api/v1/catch-ups?upcoming=true')).json().items;
    expect(upcoming.map((k: { id: string }) => k.id)).toEqual([coffee.id, walk.id]);

    // The calendar feed carries both planned catch-ups.
    const feed = (await ada.call('POST', '/api/v1/feed-tokens')).json<{ path: string }>().path;
    const before = (await t.app.inject({ method: 'GET', url: feed })).body;
    expect(before).toContain(`UID:catch-up-${coffee.id}@tend`);
    expect(before).toContain(`UID:catch-up-${walk.id}@tend`);

    const done = await ada.call('POST', `/api/v1/catch-ups/${coffee.id}/done`, {
      summary: 'Offsite in May',
      topics: ['offsite'],
    });
    expect(done.statusCode, done.body).toBe(200);
    const result = done.json();
    expect(result.catchUp).toMatchObject({ status: 'done', interactionId: result.interaction.id });
    // Marked done before it started: it happened now.
    expect(result.interaction).toMatchObject({
      channel: 'video',
      direction: 'outbound',
      summary: 'Offsite in May',
      topics: ['offsite'],
      occurredAt: '2026-03-10T09:00:00.000Z',
    });
    const logged = (await ada.call('GET', `/api/v1/contacts/${nia}/interactions`)).json().items;
    expect(logged).toHaveLength(1);
    const tasks = (await ada.call('GET', `/api/v1/tasks?contactId=${nia}`)).json().items;
    expect(tasks).toMatchObject([{ kind: 'takeaway', title: 'Send a short follow-up with the takeaway' }]);
    expect((await ada.call('GET', `/api/v1/contacts/${nia}`)).json().lastInteractionAt).toBe(
      '2026-03-10T09:00:00.000Z',
    );

    // Twice is one interaction; a done one cannot be cancelled.
    expect((await ada.call('POST', `/api/v1/catch-ups/${coffee.id}/done`, {})).statusCode).toBe(409);
    expect((await ada.call('POST', `/api/v1/catch-ups/${coffee.id}/cancel`)).statusCode).toBe(409);
    expect((await ada.call('GET', `/api/v1/contacts/${nia}/interactions`)).json().items).toHaveLength(1);

    const cancelled = await ada.call('POST', `/api/v1/catch-ups/${walk.id}/cancel`);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled' });
    expect((await ada.call('POST', `/api/v1/catch-ups/${walk.id}/cancel`)).statusCode).toBe(200);
    expect((await ada.call('POST', `/api/v1/catch-ups/${walk.id}/done`, {})).statusCode).toBe(409);
    expect((await ada.call('GET', '/api/v1/catch-ups?upcoming=true')).json().items).toEqual([]);
    const all = (await ada.call('GET', '/api/v1/catch-ups')).json().items;
    expect(all.map((k: { status: string }) => k.status).sort()).toEqual(['cancelled', 'done']);
    const after = (await t.app.inject({ method: 'GET', url: feed })).body;
    expect(after).not.toContain('UID:catch-up-');
  });

  it('logs an in-person meeting at its start time when marked done afterwards', async () => {
    const id = await add({ firstName: 'Lia' });
    const lunch = (
      await ada.call('POST', `/api/v1/contacts/${id}/catch-ups`, {
        format: 'lunch',
        startAt: '2026-03-10T12:00:00Z',
      })
    ).json();
    expect(lunch.endAt).toBe('2026-03-10T13:00:00.000Z');
    t.deps.clock.set('2026-03-10T15:00:00Z');
    const done = (await ada.call('POST', `/api/v1/catch-ups/${lunch.id}/done`, {})).json();
    expect(done.interaction).toMatchObject({ channel: 'in_person', occurredAt: '2026-03-10T12:00:00.000Z' });
    const tasks = (await ada.call('GET', `/api/v1/tasks?contactId=${id}`)).json().items;
    expect(tasks).toMatchObject([{ kind: 'takeaway', dueAt: '2026-03-11T12:00:00.000Z' }]);
  });

  it('names the bad field, and answers 404 for ids of another account', async () => {
    const id = await add({ firstName: 'Nia' });
    const badFormat = await ada.call('POST', `/api/v1/contacts/${id}/catch-ups`, {
      format: 'brunch',
      startAt: '2026-03-11T13:00:00Z',
    });
    expect(badFormat.statusCode).toBe(400);
    expect(badFormat.json().errors[0].field).toBe('format');
    const badStart = await ada.call('POST', `/api/v1/contacts/${id}/catch-ups`, {
      format: 'walk',
      startAt: 'tomorrow',
    });
    expect(badStart.statusCode).toBe(400);
    expect(badStart.json().errors[0].field).toBe('startAt');
    expect((await ada.call('GET', '/api/v1/catch-ups')).json().items).toEqual([]);

    const planned = (
      await ada.call('POST', `/api/v1/contacts/${id}/catch-ups`, {
        format: 'walk',
        startAt: '2026-03-11T13:00:00Z',
      })
    ).json();
    const eve = await signUp(t.app, 'eve@example.com', 'Eve');
    expect((await eve.call('GET', `/api/v1/contacts/${id}/slots`)).statusCode).toBe(404);
    expect(
      (
        await eve.call('POST', `/api/v1/contacts/${id}/catch-ups`, {
          format: 'walk',
          startAt: '2026-03-11T13:00:00Z',
        })
      ).statusCode,
    ).toBe(404);
    expect((await eve.call('GET', `/api/v1/catch-ups/${planned.id}`)).statusCode).toBe(404);
    expect((await eve.call('POST', `/api/v1/catch-ups/${planned.id}/done`, {})).statusCode).toBe(404);
    expect((await eve.call('POST', `/api/v1/catch-ups/${planned.id}/cancel`)).statusCode).toBe(404);
    expect((await eve.call('GET', '/api/v1/catch-ups')).json().items).toEqual([]);
    expect((await ada.call('GET', `/api/v1/catch-ups/${planned.id}`)).json().status).toBe('planned');
  });
});
