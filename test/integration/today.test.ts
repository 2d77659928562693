import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { dialects, freshStore, type TestStore } from '../helpers/stores';

describe.each(dialects)('today on %s', (dialect) => {
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

  const add = async (body: Record<string, unknown>) => {
    const res = await ada.call('POST', '/api/v1/contacts', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const log = (id: string, body: Record<string, unknown>) =>
    ada.call('POST', `/api/v1/contacts/${id}/interactions`, body);
  const today = async (query = '') => (await ada.call('GET', `/api/v1/today${query}`)).json();

  it('ranks the queue with reasons in words, and every action changes it', async () => {
    // Created "now" (2026-03-10) with a monthly cadence, last talked 80 days ago → overdue.
    const overdue = await add({ firstName: 'Olga', cadence: { kind: 'monthly' }, timeZone: 'Europe/Berlin' });
    await log(overdue, { channel: 'email', direction: 'inbound', occurredAt: '2025-12-20T10:00:00Z' });
    // Met yesterday → the 24–48 h follow-up is due.
    const met = await add({
      firstName: 'Mei',
      metOn: '2026-03-09',
      timeZone: 'Asia/Singapore',
      preferredChannel: 'linkedin',
    });
    // A birthday in 3 days in her zone.
    const bday = await add({ firstName: 'Bea', timeZone: 'Pacific/Auckland' });
    await store.db
      .insertInto('important_dates')
      .values({
        account_id: ada.accountId,
        id: '0195f000-0000-7000-8000-000000000001',
        contact_id: bday,
        kind: 'birthday',
        label: null,
        month: 3,
        day: 13,
        year: 1986,
        lead_days: 7,
        created_at: '2026-03-01T00:00:00Z',
      })
      .execute();
    // Quiet, recently contacted → not in the queue.
    const quiet = await add({ firstName: 'Quinn', cadence: { kind: 'yearly' } });
    await log(quiet, { channel: 'call', direction: 'outbound', occurredAt: '2026-03-01T10:00:00Z' });
    // Ad hoc and untracked are never due.
    await add({ firstName: 'Adhoc', cadence: { kind: 'ad_hoc' } });
    await add({ firstName: 'Untracked', tracked: false });

    const q = await today();
    expect(q.size).toBe(8);
    const names = q.items.map((i: { name: string }) => i.name);
    expect(names).toEqual(expect.arrayContaining(['Olga', 'Mei', 'Bea']));
    expect(names).not.toContain('Quinn');
    expect(names).not.toContain('Adhoc');
    expect(names).not.toContain('Untracked');
    const byName = (n: string) => q.items.find((i: { name: string }) => i.name === n);
    expect(byName('Olga').reasons[0]).toMatchObject({ kind: 'cadence_overdue' });
    expect(byName('Olga').channel).toBe('email'); // the channel that last got a reply
    expect(byName('Mei').reasons[0]).toMatchObject({ kind: 'follow_up_due', taskKind: 'follow_up' });
    expect(byName('Mei').channel).toBe('linkedin');
    expect(byName('Bea').reasons[0]).toMatchObject({ kind: 'birthday', inDays: 3, turns: 40 });
    expect(byName('Bea').headline).toMatch(/birthday/i);
    expect(byName('Bea').sendWindow.zone).toBe('Pacific/Auckland');
    // Scores are sorted.
    const scores = q.items.map((i: { score: number }) => i.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);

    // Snooze hides until the date; skip hides for the cycle; done with a log resets the cadence.
    expect((await ada.call('POST', `/api/v1/today/${bday}/snooze`, { until: '2026-03-12' })).statusCode).toBe(
      200,
    );
    expect((await ada.call('POST', `/api/v1/today/${met}/skip`)).statusCode).toBe(200);
    const done = await ada.call('POST', `/api/v1/today/${overdue}/done`, {
      log: { channel: 'email', direction: 'outbound', summary: 'Sent the article' },
    });
    expect(done.json()).toMatchObject({ decision: null, loggedInteractionId: expect.any(String) });
    expect((await today()).items).toEqual([]);
    // The snooze ends on its date (in the user's zone, Europe/London).
    const later = await today('?now=2026-03-12T09:00:00Z');
    expect(later.items.map((i: { name: string }) => i.name)).toContain('Bea');
  });

  it('suggests a retry three weeks after an unanswered outreach, and a reply clears it', async () => {
    const id = await add({ firstName: 'Rita', cadence: { kind: 'yearly' } });
    await log(id, {
      channel: 'email',
      direction: 'outbound',
      occurredAt: '2026-02-10T10:00:00Z',
      awaitingReply: true,
    });
    const item = (await today()).items.find((i: { name: string }) => i.name === 'Rita');
    expect(item.reasons).toEqual([expect.objectContaining({ kind: 'retry', step: 1 })]);
    await log(id, { channel: 'email', direction: 'inbound', occurredAt: '2026-03-09T10:00:00Z' });
    expect((await today()).items).toEqual([]);
  });

  it('records a logged done on a due retry as that retry, so the next one comes two months later', async () => {
    const id = await add({ firstName: 'Rex', cadence: { kind: 'yearly' } });
    await log(id, {
      channel: 'email',
      direction: 'outbound',
      occurredAt: '2026-02-10T10:00:00Z',
      awaitingReply: true,
    });
    const done = await ada.call('POST', `/api/v1/today/${id}/done`, {
      log: { channel: 'email', direction: 'outbound', summary: 'Gentle nudge' },
    });
    expect(done.statusCode, done.body).toBe(200);
    const row = await store.db
      .selectFrom('interactions')
      .select('retry_step')
      .where('id', '=', done.json().loggedInteractionId)
      .executeTakeFirstOrThrow();
    expect(row.retry_step).toBe(1);
    // Retry 2 is due 60 days after retry 1 was sent (2026-03-10), not 60 days after it was due.
    const before = await today('?now=2026-05-08T09:00:00Z');
    expect(before.items.find((i: { name: string }) => i.name === 'Rex')).toBeUndefined();
    const after = (await today('?now=2026-05-10T09:00:00Z')).items.find(
      (i: { name: string }) => i.name === 'Rex',
    );
    expect(after.reasons).toEqual([expect.objectContaining({ kind: 'retry', step: 2 })]);
  });

  it('reaches as far ahead as the longest lead time a date may have', async () => {
    const id = await add({ firstName: 'Lena', cadence: { kind: 'ad_hoc' } });
    // 2026-04-08 is 29 days after the clock's 2026-03-10; a 30-day lead makes it a reason today.
    const date = await ada.call('POST', `/api/v1/contacts/${id}/dates`, {
      kind: 'work_anniversary',
      month: 4,
      day: 8,
      leadDays: 30,
    });
    expect(date.statusCode, date.body).toBe(201);
    const item = (await today()).items.find((i: { name: string }) => i.name === 'Lena');
    expect(item.reasons).toEqual([expect.objectContaining({ kind: 'anniversary', inDays: 29 })]);
  });

  it('answers 404 for another account’s contact on every action', async () => {
    const id = await add({ firstName: 'Mine' });
    const eve = await signUp(t.app, 'eve@example.com', 'Eve');
    for (const [method, url, body] of [
      ['POST', `/api/v1/today/${id}/done`, {}],
      ['POST', `/api/v1/today/${id}/snooze`, { until: '2026-04-01' }],
      ['POST', `/api/v1/today/${id}/skip`, undefined],
      ['GET', `/api/v1/contacts/${id}/health`, undefined],
    ] as const) {
      expect((await eve.call(method, url, body)).statusCode, url).toBe(404);
    }
  });

  it('explains health and capacity', async () => {
    const id = await add({ firstName: 'Hal', cadence: { kind: 'monthly' } });
    await log(id, { channel: 'in_person', direction: 'inbound', occurredAt: '2026-03-01T10:00:00Z' });
    const h = (await ada.call('GET', `/api/v1/contacts/${id}/health`)).json();
    expect(h.score).toBeGreaterThan(50);
    expect(h.explanation.length).toBeGreaterThan(10);
    expect(h.oneSided.flagged).toBe(false);
    await ada.call('PATCH', '/api/v1/me/settings', { weeklyBudget: 1 });
    for (let i = 0; i < 10; i++) await add({ firstName: `M${i}`, cadence: { kind: 'monthly' } });
    const cap = (await ada.call('GET', '/api/v1/capacity')).json();
    expect(cap.over).toBe(true);
    expect(cap.touchesPerWeek).toBeGreaterThan(1);
    expect(cap.moves.length).toBeGreaterThan(0);
  });
});
