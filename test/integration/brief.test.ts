import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { dialects, freshStore } from '../helpers/stores';

// The test clock stands at 2026-03-10T09:00Z.
describe.each(dialects)('contact brief on %s', (dialect) => {
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

  const created = async (as: Caller, url: string, body: object) => {
    const res = await as.call('POST', url, body);
    expect(res.statusCode, `${url}: ${res.body}`).toBe(201);
    return res.json<{ id: string }>().id;
  };

  it('gathers pinned facts and notes, the last topic, a recent win, open tasks, health and balance', async () => {
    const sam = await created(ada, '/api/v1/contacts', { firstName: 'Sam', lastName: 'Lee' });
    const c = `/api/v1/contacts/${sam}`;
    await created(ada, `${c}/facts`, { kind: 'hobby', value: 'sailing', pinned: true });
    await created(ada, `${c}/facts`, { kind: 'hobby', value: 'chess' });
    await created(ada, `${c}/notes`, { body: 'Prefers mornings', pinned: true });
    await created(ada, `${c}/notes`, { body: 'Unpinned musing' });
    await created(ada, `${c}/interactions`, {
      channel: 'call',
      direction: 'outbound',
      occurredAt: '2026-01-05T10:00:00Z',
      summary: 'Old call',
      topics: ['old'],
    });
    await created(ada, `${c}/interactions`, {
      channel: 'email',
      direction: 'inbound',
      occurredAt: '2026-02-20T10:00:00Z',
      summary: 'Asked about the Lisbon offsite.',
      topics: ['lisbon', 'offsite'],
    });
    await created(ada, `${c}/life-events`, { kind: 'award', title: 'Too old', occurredOn: '2026-01-20' });
    await created(ada, `${c}/life-events`, { kind: 'new_job', title: 'Older win', occurredOn: '2026-02-20' });
    await created(ada, `${c}/life-events`, {
      kind: 'promotion',
      title: 'Promoted to VP',
      occurredOn: '2026-03-05',
    });
    await created(ada, '/api/v1/tasks', { title: 'Send the deck', contactId: sam, kind: 'follow_up' });
    const done = await created(ada, '/api/v1/tasks', { title: 'Already done', contactId: sam });
    expect((await ada.call('PATCH', `/api/v1/tasks/${done}`, { done: true })).statusCode).toBe(200);
    for (const kind of ['help_given', 'resource_shared', 'favour_asked']) {
      expect((await ada.call('POST', `${c}/ledger`, { kind })).statusCode).toBe(201);
    }

    const res = await ada.call('GET', `${c}/brief`);
    expect(res.statusCode, res.body).toBe(200);
    const brief = res.json();
    expect(brief).toMatchObject({
      contactId: sam,
      name: 'Sam Lee',
      pinnedFacts: [{ value: 'sailing', pinned: true }],
      pinnedNotes: [{ body: 'Prefers mornings', pinned: true }],
      lastTopic: {
        channel: 'email',
        direction: 'inbound',
        occurredAt: '2026-02-20T10:00:00.000Z',
        topics: ['lisbon', 'offsite'],
        summary: 'Asked about the Lisbon offsite.',
      },
      recentWin: { kind: 'promotion', title: 'Promoted to VP', occurredOn: '2026-03-05' },
      openTasks: [{ title: 'Send the deck', kind: 'follow_up', done: false }],
      ledger: { balance: 1, gives: 2, asks: 1, received: 0 },
    });
    expect(brief.pinnedFacts).toHaveLength(1);
    expect(brief.pinnedNotes).toHaveLength(1);
    expect(brief.openTasks).toHaveLength(1);
    // The health line is the same one the contact page shows.
    const health = (await ada.call('GET', `${c}/health`)).json();
    expect(brief.health).toEqual({
      score: health.score,
      explanation: health.explanation,
      oneSided: health.oneSided.sentence,
    });
    expect(brief.health.explanation.length).toBeGreaterThan(0);
  });

  it('says plainly when there is nothing to remember yet', async () => {
    const new1 = await created(ada, '/api/v1/contacts', { firstName: 'Nia' });
    await created(ada, `/api/v1/contacts/${new1}/life-events`, {
      kind: 'award',
      title: 'Five weeks ago',
      occurredOn: '2026-02-01',
    });
    const brief = (await ada.call('GET', `/api/v1/contacts/${new1}/brief`)).json();
    expect(brief).toMatchObject({
      name: 'Nia',
      pinnedFacts: [],
      pinnedNotes: [],
      lastTopic: null,
      recentWin: null,
      openTasks: [],
      ledger: { balance: 0, gives: 0, asks: 0, received: 0 },
      health: { oneSided: null },
    });
  });

  it('is a 404 for an unknown id and for another account’s contact, and leaks nothing', async () => {
    const sam = await created(ada, '/api/v1/contacts', { firstName: 'Secretsam' });
    await created(ada, `/api/v1/contacts/${sam}/facts`, { kind: 'hobby', value: 'secret', pinned: true });
    const bob = await signUp(t.app, 'bob@example.com', 'Bob');
    const other = await bob.call('GET', `/api/v1/contacts/${sam}/brief`);
    expect(other.statusCode).toBe(404);
    expect(other.body.toLowerCase()).not.toContain('secret');
    expect(
      (await ada.call('GET', '/api/v1/contacts/0195f000-0000-7000-8000-00000000dead/brief')).statusCode,
    ).toBe(404);
  });
});
