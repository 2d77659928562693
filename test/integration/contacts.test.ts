import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { dialects, freshStore } from '../helpers/stores';

describe.each(dialects)('contacts on %s', (dialect) => {
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

  const grace = {
    firstName: 'Grace',
    lastName: 'Hopper',
    company: 'Navy',
    title: 'Rear Admiral',
    city: 'Arlington',
    country: 'US',
    timeZone: 'America/New_York',
    emails: [{ value: 'grace@navy.mil', label: 'work' }, { value: 'grace@home.example' }],
    phones: [{ value: '+1 202 555 0100' }],
    links: [{ kind: 'linkedin', url: 'https://www.linkedin.com/in/grace' }],
    tags: ['compilers', 'cobol'],
  };

  it('creates, reads, edits and deletes a contact with several e-mails, phones and links', async () => {
    const created = await ada.call('POST', '/api/v1/contacts', grace);
    expect(created.statusCode).toBe(201);
    const c = created.json();
    expect(c).toMatchObject({
      displayName: 'Grace Hopper',
      emails: [
        { value: 'grace@navy.mil', label: 'work' },
        { value: 'grace@home.example', label: null },
      ],
      tags: ['cobol', 'compilers'],
      tracked: true,
      lastInteractionAt: null,
    });
    // A new contact is due one cadence after creation (no circle: yearly by default).
    expect(c.nextDueAt).toBe('2027-03-10T09:00:00.000Z');

    const patched = await ada.call('PATCH', `/api/v1/contacts/${c.id}`, {
      title: 'Commodore',
      emails: [],
      tags: ['navy'],
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ title: 'Commodore', emails: [], tags: ['navy'], company: 'Navy' });

    expect((await ada.call('DELETE', `/api/v1/contacts/${c.id}`)).statusCode).toBe(204);
    expect((await ada.call('GET', `/api/v1/contacts/${c.id}`)).statusCode).toBe(404);
  });

  it('rejects bad input with a 400 that names the field, and writes nothing', async () => {
    const cases: [unknown, string][] = [
      [{ firstName: '   ' }, 'firstName'],
      [{ firstName: 'A', emails: [{ value: 'not-an-email' }] }, 'emails.0.value'],
      [{ firstName: 'A', timeZone: 'Mars/Olympus' }, 'timeZone'],
      [{ firstName: 42 }, 'firstName'],
      [{ firstName: 'A', circleId: 'nope' }, 'circleId'],
    ];
    for (const [body, field] of cases) {
      const res = await ada.call('POST', '/api/v1/contacts', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await ada.call('GET', '/api/v1/contacts')).json().items).toEqual([]);
  });

  it('refuses a body over 1 MB with 413', async () => {
    const res = await ada.call('POST', '/api/v1/contacts', { firstName: 'A', howMet: 'x'.repeat(1_100_000) });
    expect(res.statusCode).toBe(413);
  });

  it('logs an interaction, which resets the cadence and shows on the timeline', async () => {
    const c = (await ada.call('POST', '/api/v1/contacts', grace)).json();
    const logged = await ada.call('POST', `/api/v1/contacts/${c.id}/interactions`, {
      channel: 'video',
      direction: 'outbound',
      occurredAt: '2026-03-09T15:00:00Z',
      summary: 'Talked about <b>compilers</b>',
      topics: ['compilers'],
    });
    expect(logged.statusCode).toBe(201);
    const after = (await ada.call('GET', `/api/v1/contacts/${c.id}`)).json();
    expect(after.lastInteractionAt).toBe('2026-03-09T15:00:00.000Z');
    expect(after.nextDueAt).toBe('2027-03-09T15:00:00.000Z');
    const timeline = (await ada.call('GET', `/api/v1/contacts/${c.id}/interactions`)).json().items;
    expect(timeline).toHaveLength(1);
    expect(timeline[0]).toMatchObject({ summary: 'Talked about <b>compilers</b>', topics: ['compilers'] });

    expect((await ada.call('DELETE', `/api/v1/interactions/${timeline[0].id}`)).statusCode).toBe(204);
    expect((await ada.call('GET', `/api/v1/contacts/${c.id}`)).json().lastInteractionAt).toBeNull();
  });

  it('searches names, companies, e-mails and filters, paging with a cursor', async () => {
    for (let i = 0; i < 7; i++) {
      await ada.call('POST', '/api/v1/contacts', {
        firstName: `Person${i}`,
        lastName: 'Example',
        company: i % 2 ? 'Acme Corp' : 'Globex',
        city: i < 3 ? 'Paris' : 'Berlin',
        emails: [{ value: `p${i}@mail${i}.example` }],
        tags: i === 4 ? ['vip'] : [],
      });
    }
    const names = (r: { json: () => { items: { firstName: string }[] } }) =>
      r.json().items.map((c) => c.firstName);
    expect(names(await ada.call('GET', '/api/v1/contacts?q=acme'))).toEqual([
      'Person1',
      'Person3',
      'Person5',
    ]);
    expect(names(await ada.call('GET', '/api/v1/contacts?q=mail4.exa'))).toEqual(['Person4']);
    expect(names(await ada.call('GET', '/api/v1/contacts?q=GLOBEX%20person6'))).toEqual(['Person6']);
    expect(names(await ada.call('GET', '/api/v1/contacts?city=paris&company=globex'))).toEqual([
      'Person0',
      'Person2',
    ]);
    expect(names(await ada.call('GET', '/api/v1/contacts?tag=VIP'))).toEqual(['Person4']);
    expect(names(await ada.call('GET', '/api/v1/contacts?q=100%25'))).toEqual([]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await ada.call('GET', `/api/v1/contacts?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      const body = res.json();
      seen.push(...body.items.map((c: { firstName: string }) => c.firstName));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Person0', 'Person1', 'Person2', 'Person3', 'Person4', 'Person5', 'Person6']);
    expect((await ada.call('GET', '/api/v1/contacts?cursor=garbage')).json().errors[0].field).toBe('cursor');
  });
});
