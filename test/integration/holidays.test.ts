import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { dialects, freshStore } from '../helpers/stores';

interface Reason {
  kind: string;
  text: string;
  weight?: number;
}
interface Item {
  contactId: string;
  name: string;
  reasons: Reason[];
}
interface Today {
  items: Item[];
  more: Item[];
}

// Thursday 5 November 2026, 06:00 UTC: Diwali (Sunday 8 November) is three days ahead in India.
const NOW = '2026-11-05T06:00:00.000Z';

describe.each(dialects)('holidays on %s', (dialect) => {
  let store: Store;
  let t: TestApp;
  let ada: Caller;

  beforeEach(async () => {
    store = await freshStore(dialect);
    t = await testApp(store);
    ada = await signUp(t.app);
    t.deps.clock.set(NOW);
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
  const circle = async (kind: string) =>
    (await ada.call('GET', '/api/v1/circles'))
      .json<{ items: { id: string; kind: string }[] }>()
      .items.find((c) => c.kind === kind)!.id;
  const today = async () => {
    const res = await ada.call('GET', '/api/v1/today?size=50');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<Today>();
    return [...body.items, ...body.more];
  };
  const holidayOf = (items: Item[], id: string) =>
    items.find((i) => i.contactId === id)?.reasons.filter((r) => r.kind === 'holiday') ?? [];
  const choose = async (circles: { circleId: string; kinds: string[]; leadDays?: number }[]) => {
    const res = await ada.call('PUT', '/api/v1/holidays/settings', { circles });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{
      circles: { circleId: string; contacts: number; touchesPerYear: number }[];
      touchesPerYear: number;
    }>();
  };

  it('validates the settings and names the field at fault', async () => {
    expect((await ada.call('GET', '/api/v1/holidays/settings')).json()).toEqual({
      circles: [],
      touchesPerYear: 0,
    });
    const unknown = await ada.call('PUT', '/api/v1/holidays/settings', {
      circles: [{ circleId: 'nope', kinds: ['diwali'] }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('circles.0.circleId');
    const peer = await circle('peer');
    const badKind = await ada.call('PUT', '/api/v1/holidays/settings', {
      circles: [{ circleId: peer, kinds: ['festivus'] }],
    });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.body).toContain('circles.0.kinds.0');
    const badLead = await ada.call('PUT', '/api/v1/holidays/settings', {
      circles: [{ circleId: peer, kinds: ['diwali'], leadDays: 31 }],
    });
    expect(badLead.statusCode).toBe(400);
    expect(badLead.body).toContain('leadDays');
  });

  it('puts Diwali in Today for tracked contacts of the chosen circle, in words, and nobody else', async () => {
    const peer = await circle('peer');
    const mentor = await circle('mentor');
    const priya = await add({ firstName: 'Priya', lastName: 'Raman', country: 'India', circleId: peer });
    // No country: the zone says India.
    const arjun = await add({
      firstName: 'Arjun',
      lastName: 'Mehta',
      timeZone: 'Asia/Kolkata',
      circleId: peer,
    });
    // The same country, but a circle that chose no holidays, untracked, or ad hoc.
    const meera = await add({ firstName: 'Meera', lastName: 'Iyer', country: 'IN', circleId: mentor });
    const ravi = await add({
      firstName: 'Ravi',
      lastName: 'Das',
      country: 'India',
      circleId: peer,
      tracked: false,
    });
    const anil = await add({
      firstName: 'Anil',
      lastName: 'Rao',
      country: 'India',
      circleId: peer,
      cadence: { kind: 'ad_hoc' },
    });
    // Chosen circle, other country.
    const hans = await add({ firstName: 'Hans', lastName: 'Weber', country: 'Germany', circleId: peer });

    expect(holidayOf(await today(), priya)).toEqual([]);
    const settings = await choose([{ circleId: peer, kinds: ['diwali', 'christmas'], leadDays: 3 }]);
    expect(settings.circles).toEqual([
      expect.objectContaining({ circleId: peer, kinds: ['diwali', 'christmas'], leadDays: 3, contacts: 3 }),
    ]);
    // Priya and Arjun: Diwali and Christmas; Hans: Christmas; Ravi and Anil do not count.
    expect(settings.touchesPerYear).toBe(5);

    const items = await today();
    expect(holidayOf(items, priya)).toEqual([
      expect.objectContaining({ kind: 'holiday', text: 'Diwali is on Sunday in India', weight: 28 }),
    ]);
    expect(holidayOf(items, arjun).map((r) => r.text)).toEqual(['Diwali is on Sunday in India']);
    for (const id of [meera, ravi, anil, hans]) expect(holidayOf(items, id)).toEqual([]);

    // A changed country follows the contact: Hans moves to India, Priya to Germany.
    expect((await ada.call('PATCH', `/api/v1/contacts/${hans}`, { country: 'India' })).statusCode).toBe(200);
    expect((await ada.call('PATCH', `/api/v1/contacts/${priya}`, { country: 'Germany' })).statusCode).toBe(
      200,
    );
    const after = await today();
    expect(holidayOf(after, hans).map((r) => r.text)).toEqual(['Diwali is on Sunday in India']);
    expect(holidayOf(after, priya)).toEqual([]);

    // Capacity explains what the holidays add.
    const capacity = (await ada.call('GET', '/api/v1/capacity')).json<{ holidayTouchesPerYear: number }>();
    expect(capacity.holidayTouchesPerYear).toBe(5);

    // Snoozed contacts are left out like for every other reason.
    expect(
      (await ada.call('POST', `/api/v1/today/${arjun}/snooze`, { until: '2026-11-20' })).statusCode,
    ).toBe(200);
    expect((await today()).some((i) => i.contactId === arjun)).toBe(false);
  });

  it('counts the day in the contact’s zone and finds the country from the phone', async () => {
    const peer = await circle('peer');
    await choose([{ circleId: peer, kinds: ['lunar_new_year'], leadDays: 0 }]);
    // 17:00 UTC on 16 February: already 17 February (Lunar New Year) in Shanghai, still the 16th in London.
    t.deps.clock.set('2026-02-16T17:00:00.000Z');
    const wei = await add({
      firstName: 'Wei',
      lastName: 'Zhang',
      phones: [{ value: '+86 10 6552 9988' }],
      timeZone: 'Asia/Shanghai',
      circleId: peer,
    });
    const lin = await add({
      firstName: 'Lin',
      lastName: 'Chen',
      phones: [{ value: '+86 10 6552 9989' }],
      timeZone: 'America/Los_Angeles',
      circleId: peer,
    });
    const items = await today();
    expect(holidayOf(items, wei).map((r) => r.text)).toEqual(['Lunar New Year is today in China']);
    expect(holidayOf(items, lin)).toEqual([]);
  });

  it('drafts a holiday greeting the linter passes, with a mailto link', async () => {
    const peer = await circle('peer');
    await choose([{ circleId: peer, kinds: ['diwali'], leadDays: 3 }]);
    const priya = await add({
      firstName: 'Priya',
      lastName: 'Raman',
      country: 'India',
      circleId: peer,
      emails: [{ value: 'priya@example.com' }],
    });
    const res = await ada.call('POST', `/api/v1/contacts/${priya}/drafts`, { occasion: 'holiday' });
    expect(res.statusCode, res.body).toBe(200);
    const draft = res.json<{ subject: string; body: string; lint: unknown[]; links: { mailto: string } }>();
    expect(draft.subject).toBe('Happy Diwali, Priya');
    expect(draft.lint).toEqual([]);
    expect(draft.links.mailto).toMatch(/^mailto:priya@example\.com\?subject=Happy%20Diwali/);
    // No holiday in their country soon: a 400 that names the occasion.
    const hans = await add({ firstName: 'Hans', lastName: 'Weber', country: 'Atlantis', circleId: peer });
    const none = await ada.call('POST', `/api/v1/contacts/${hans}/drafts`, { occasion: 'holiday' });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('occasion');
  });

  it('lists the chosen holidays in the calendar feed, naming the contacts', async () => {
    const peer = await circle('peer');
    await add({ firstName: 'Priya', lastName: 'Raman', country: 'India', circleId: peer });
    await add({ firstName: 'Hank', lastName: 'Hill', country: 'USA', circleId: peer });
    await choose([{ circleId: peer, kinds: ['diwali', 'thanksgiving'], leadDays: 3 }]);
    const token = (await ada.call('POST', '/api/v1/feed-tokens')).json<{ path: string }>().path;
    const ics = (await t.app.inject({ method: 'GET', url: token })).body.replace(/\r\n[ \t]/g, '');
    expect(ics).toContain('SUMMARY:Diwali (India): Priya Raman');
    expect(ics).toContain('DTSTART;VALUE=DATE:20261108');
    expect(ics).toContain('SUMMARY:Thanksgiving (United States): Hank Hill');
    expect(ics).toContain('DTSTART;VALUE=DATE:20261126');
    expect(ics).not.toContain('Christmas');
  });

  it('brings a job change back a year later as a role anniversary', async () => {
    const id = await add({ firstName: 'Grace', lastName: 'Hopper', country: 'US' });
    const ev = await ada.call('POST', `/api/v1/contacts/${id}/life-events`, {
      kind: 'new_role',
      title: 'Head of Platform at Acme',
      occurredOn: '2025-11-06',
    });
    expect(ev.statusCode, ev.body).toBe(201);
    const reasons = (await today()).find((i) => i.contactId === id)?.reasons ?? [];
    expect(reasons).toContainEqual(
      expect.objectContaining({ kind: 'role_anniversary', text: 'One year in the new role tomorrow' }),
    );
    // A later job change replaces it: the old role's anniversary is no news.
    await ada.call('POST', `/api/v1/contacts/${id}/life-events`, {
      kind: 'new_job',
      title: 'CTO at Initech',
      occurredOn: '2026-06-01',
    });
    const later = (await today()).find((i) => i.contactId === id)?.reasons ?? [];
    expect(later.some((r) => r.kind === 'role_anniversary')).toBe(false);
  });

  it('keeps the holiday choice through a backup and restore', async () => {
    const peer = await circle('peer');
    await choose([{ circleId: peer, kinds: ['christmas'], leadDays: 5 }]);
    await add({ firstName: 'Hans', lastName: 'Weber', country: 'Germany', circleId: peer });
    const backup = (await ada.call('GET', '/api/v1/export/backup.json')).json<{
      holiday_settings: unknown[];
      contacts: { holiday_country: string | null }[];
    }>();
    expect(backup.holiday_settings).toEqual([
      expect.objectContaining({ circle_id: peer, kinds: '["christmas"]', lead_days: 5 }),
    ]);
    expect(backup.contacts.map((c) => c.holiday_country)).toEqual(['DE']);
    const bob = await signUp(t.app, 'bob@example.com', 'Bob');
    const restored = await bob.call('POST', '/api/v1/import/backup', backup);
    expect(restored.statusCode, restored.body).toBe(201);
    const settings = (await bob.call('GET', '/api/v1/holidays/settings')).json();
    expect(settings).toMatchObject({
      circles: [{ circleId: peer, kinds: ['christmas'], leadDays: 5, contacts: 1 }],
    });
  });
});
