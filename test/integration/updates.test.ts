import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { smtpMailer } from '../../src/jobs/mailer';
import { deliverDue } from '../../src/services/email/outbox.service';
import type { Store } from '../../src/store/store';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { startSmtp, type TestSmtp } from '../helpers/smtp';
import { dialects, freshStore } from '../helpers/stores';

describe.each(dialects)('personal updates on %s', (dialect) => {
  let store: Store;
  let t: TestApp;
  let smtp: TestSmtp;
  let ada: Caller;
  let people: { ann: string; bob: string; cy: string; segment: string };

  beforeEach(async () => {
    store = await freshStore(dialect);
    t = await testApp(store);
    smtp = await startSmtp();
    ada = await signUp(t.app, 'ada@example.com', 'Ada');
    const add = async (body: object) => {
      const res = await ada.call('POST', '/api/v1/contacts', body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ id: string }>().id;
    };
    people = {
      ann: await add({
        firstName: 'Ann',
        lastName: 'Ng',
        tags: ['friends'],
        emails: [{ value: 'ann@example.com' }],
      }),
      bob: await add({ firstName: 'Bob', tags: ['friends'] }),
      cy: await add({ firstName: 'Cy', emails: [{ value: 'cy@example.com' }] }),
      segment: (
        await ada.call('POST', '/api/v1/segments', { name: 'Friends', filter: { tag: 'friends' } })
      ).json().id,
    };
  });
  afterEach(async () => {
    await smtp.close();
    await t.app.close();
    await store.close();
  });

  const create = async (body: object) => {
    const res = await ada.call('POST', '/api/v1/updates', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const update = {
    subject: 'News for {{firstName}}',
    body: 'Hi {{firstName}},\nwe moved to Lisbon!\n— {{myName}}',
  };

  it('rejects unknown variables, a missing or double audience, and a segment of another account', async () => {
    const fieldOf = async (body: object) => {
      const res = await ada.call('POST', '/api/v1/updates', body);
      expect(res.statusCode, res.body).toBe(400);
      return res.json().errors[0].field;
    };
    expect(await fieldOf({ ...update, body: 'Hi {{firstname}}', segmentId: people.segment })).toBe('body');
    expect(await fieldOf({ ...update })).toBe('segmentId');
    expect(await fieldOf({ ...update, segmentId: people.segment, filter: { tag: 'x' } })).toBe('segmentId');
    const eve = await signUp(t.app, 'eve@example.com', 'Eve');
    const res = await eve.call('POST', '/api/v1/updates', { ...update, segmentId: people.segment });
    expect(res.statusCode).toBe(400);
    expect((await ada.call('GET', '/api/v1/updates')).json().items).toEqual([]);
  });

  it('previews each personalised copy, sends one e-mail per recipient with an address, and logs interactions', async () => {
    const id = await create({ ...update, segmentId: people.segment });
    const preview = (await ada.call('GET', `/api/v1/updates/${id}/preview`)).json();
    expect(preview).toEqual({
      updateId: id,
      sent: false,
      withEmail: 1,
      withoutEmail: 1,
      recipients: [
        {
          contactId: people.ann,
          name: 'Ann Ng',
          email: 'ann@example.com',
          subject: 'News for Ann',
          body: 'Hi Ann,\nwe moved to Lisbon!\n— Ada',
        },
        {
          contactId: people.bob,
          name: 'Bob',
          email: null,
          subject: 'News for Bob',
          body: 'Hi Bob,\nwe moved to Lisbon!\n— Ada',
        },
      ],
    });
    // Nothing is queued or logged before the explicit send.
    expect((await ada.call('GET', '/api/v1/outbox')).json().items).toEqual([]);

    const sent = await ada.call('POST', `/api/v1/updates/${id}/send`, { mode: 'smtp' });
    expect(sent.statusCode, sent.body).toBe(200);
    const body = sent.json();
    expect(body.recipients).toMatchObject([{ contactId: people.ann, channel: 'email', mailto: null }]);
    expect(body.skipped).toEqual([{ contactId: people.bob, name: 'Bob', reason: 'no e-mail address' }]);
    const outbox = (await ada.call('GET', '/api/v1/outbox')).json().items;
    expect(outbox).toMatchObject([
      {
        id: body.recipients[0].outboxId,
        kind: 'update',
        idempotencyKey: `update:${id}:${people.ann}`,
        status: 'pending',
      },
    ]);
    const mailer = smtpMailer(smtp.url, 'Ada <ada@example.com>');
    try {
      expect(await deliverDue(t.deps, mailer)).toMatchObject({ sent: 1 });
    } finally {
      mailer.close();
    }
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail!.headers.get('to')).toBe('ann@example.com');
    expect(mail!.headers.get('subject')).toBe('News for Ann');
    expect(mail!.text).toBe('Hi Ann,\nwe moved to Lisbon!\n— Ada');
    expect(mail!.html).toBeNull();

    const timeline = (await ada.call('GET', `/api/v1/contacts/${people.ann}/timeline`)).json().items;
    expect(timeline).toMatchObject([{ summary: 'Update: News for Ann' }]);
    expect((await ada.call('GET', `/api/v1/contacts/${people.bob}/timeline`)).json().items).toEqual([]);
    expect((await ada.call('GET', `/api/v1/contacts/${people.ann}`)).json().lastInteractionAt).toBe(
      '2026-03-10T09:00:00.000Z',
    );
    // Sending twice is refused and changes nothing.
    expect((await ada.call('POST', `/api/v1/updates/${id}/send`, { mode: 'smtp' })).statusCode).toBe(409);
    expect((await ada.call('GET', '/api/v1/outbox')).json().items).toHaveLength(1);
    expect((await ada.call('GET', `/api/v1/updates/${id}`)).json()).toMatchObject({
      sendMode: 'smtp',
      sentAt: '2026-03-10T09:00:00.000Z',
    });
    expect((await ada.call('GET', `/api/v1/updates/${id}/preview`)).json()).toMatchObject({
      sent: true,
      withEmail: 1,
      withoutEmail: 0,
    });
  });

  it('drafts mode returns mailto links, queues nothing and still logs the interactions', async () => {
    const id = await create({ ...update, filter: {} });
    const res = await ada.call('POST', `/api/v1/updates/${id}/send`, { mode: 'drafts' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.recipients.map((r: { contactId: string }) => r.contactId).sort()).toEqual(
      [people.ann, people.cy].sort(),
    );
    const ann = body.recipients.find((r: { contactId: string }) => r.contactId === people.ann);
    expect(ann).toMatchObject({ channel: 'draft', outboxId: null });
    expect(ann.mailto).toBe(
      'mailto:ann@example.com?subject=News%20for%20Ann&body=Hi%20Ann%2C%0D%0Awe%20moved%20to%20Lisbon!%0D%0A%E2%80%94%20Ada',
    );
    expect((await ada.call('GET', '/api/v1/outbox')).json().items).toEqual([]);
    expect((await ada.call('GET', `/api/v1/contacts/${people.cy}/timeline`)).json().items).toMatchObject([
      { channel: 'email', direction: 'outbound', summary: 'Update: News for Cy' },
    ]);
  });

  it("answers 404 for another account's update and leaves it unsent", async () => {
    const id = await create({ ...update, segmentId: people.segment });
    const eve = await signUp(t.app, 'eve@example.com', 'Eve');
    expect((await eve.call('GET', `/api/v1/updates/${id}`)).statusCode).toBe(404);
    expect((await eve.call('GET', `/api/v1/updates/${id}/preview`)).statusCode).toBe(404);
    expect((await eve.call('POST', `/api/v1/updates/${id}/send`, { mode: 'smtp' })).statusCode).toBe(404);
    expect((await ada.call('GET', `/api/v1/updates/${id}`)).json().sentAt).toBeNull();
  });

  it('says when an update is due, every 3–6 months (default 4)', async () => {
    expect((await ada.call('GET', '/api/v1/updates/due')).json()).toEqual({
      due: true,
      lastSentAt: null,
      everyMonths: 4,
    });
    const id = await create({ ...update, segmentId: people.segment });
    await ada.call('POST', `/api/v1/updates/${id}/send`, { mode: 'drafts' });
    expect((await ada.call('GET', '/api/v1/updates/due')).json()).toEqual({
      due: false,
      lastSentAt: '2026-03-10T09:00:00.000Z',
      everyMonths: 4,
    });
    const bad = await ada.call('PATCH', '/api/v1/updates/settings', { everyMonths: 7 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('everyMonths');
    expect((await ada.call('PATCH', '/api/v1/updates/settings', { everyMonths: 3 })).json().everyMonths).toBe(
      3,
    );
    t.deps.clock.set('2026-06-09T09:00:00.000Z');
    expect((await ada.call('GET', '/api/v1/updates/due')).json().due).toBe(false);
    t.deps.clock.set('2026-06-10T09:00:00.000Z');
    expect((await ada.call('GET', '/api/v1/updates/due')).json().due).toBe(true);
  });
});
