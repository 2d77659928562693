import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { dialects, freshStore, type TestStore } from '../helpers/stores';
import { mbox, uploadMbox } from './capture-helpers';

describe.each(dialects)('captured mail and the engine on %s', (dialect) => {
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
  const reasonsOf = async (name: string) =>
    (await ada.call('GET', '/api/v1/today')).json().items.find((i: { name: string }) => i.name === name)
      ?.reasons ?? [];
  const source = async () =>
    (await ada.call('POST', '/api/v1/sources', { kind: 'mbox', name: 'Takeout' })).json().id;

  it('never suggests a fourth nudge after three hand-logged unanswered messages', async () => {
    const id = await add({ firstName: 'Rita', cadence: { kind: 'yearly' } });
    for (const at of ['2025-11-01T10:00:00Z', '2025-12-01T10:00:00Z', '2026-01-20T10:00:00Z'])
      expect(
        (await log(id, { channel: 'email', direction: 'outbound', occurredAt: at, awaitingReply: true }))
          .statusCode,
      ).toBe(201);
    expect(await reasonsOf('Rita')).not.toContainEqual(expect.objectContaining({ kind: 'retry' }));
  });

  it('counts captured unanswered mail as retries: one message a retry later, three none', async () => {
    const id = await add({
      firstName: 'Sam',
      cadence: { kind: 'yearly' },
      emails: [{ value: 'sam@x.example' }],
    });
    const src = await source();
    const sent = (n: number, date: string) => [
      `Date: ${date}`,
      'From: ada@example.com',
      'To: sam@x.example',
      `Message-ID: <m${n}@x>`,
      `Subject: Idea ${n}`,
    ];
    await uploadMbox(t.app, ada, src, mbox([sent(1, 'Mon, 2 Feb 2026 10:00:00 +0000')]));
    expect(await reasonsOf('Sam')).toContainEqual(expect.objectContaining({ kind: 'retry', step: 1 }));
    await uploadMbox(
      t.app,
      ada,
      src,
      mbox([sent(2, 'Tue, 3 Feb 2026 10:00:00 +0000'), sent(3, 'Wed, 4 Feb 2026 10:00:00 +0000')]),
    );
    expect(await reasonsOf('Sam')).not.toContainEqual(expect.objectContaining({ kind: 'retry' }));
    // Their reply, in the thread, ends the wait: no retry and no overdue cadence.
    await uploadMbox(
      t.app,
      ada,
      src,
      mbox([
        [
          'Date: Thu, 5 Mar 2026 10:00:00 +0000',
          'From: sam@x.example',
          'To: ada@example.com',
          'In-Reply-To: <m1@x>',
          'Message-ID: <r1@x>',
        ],
      ]),
    );
    expect(await reasonsOf('Sam')).toEqual([]);
    expect((await ada.call('GET', `/api/v1/contacts/${id}`)).json().lastInteractionAt).toBe(
      '2026-03-05T10:00:00.000Z',
    );
  });

  it('a captured exchange resets the cadence, so the contact leaves Today', async () => {
    const id = await add({
      firstName: 'Olga',
      cadence: { kind: 'monthly' },
      emails: [{ value: 'Olga@Corp.example' }],
    });
    await log(id, { channel: 'call', direction: 'inbound', occurredAt: '2025-12-20T10:00:00Z' });
    expect(await reasonsOf('Olga')).toContainEqual(expect.objectContaining({ kind: 'cadence_overdue' }));
    await uploadMbox(
      t.app,
      ada,
      await source(),
      mbox([
        [
          'Date: Mon, 9 Mar 2026 10:00:00 +0000',
          'From: olga+news@corp.example',
          'To: ada@example.com',
          'Subject: Lunch?',
        ],
      ]),
    );
    expect(await reasonsOf('Olga')).toEqual([]);
  });
});
