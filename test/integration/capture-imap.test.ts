import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { syncImapSource } from '../../src/services/capture/capture-imap';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { type Dovecot, type FixtureMail, flakyRelay, startDovecot } from '../helpers/dovecot';
import { dialects, freshStore, type TestStore } from '../helpers/stores';
import { addContact } from './capture-helpers';

const mail = (n: number, over: Partial<FixtureMail> = {}): FixtureMail => ({
  from: 'Grace Hopper <grace@navy.example>',
  to: 'ada@example.com',
  date: `Mon, ${String(n).padStart(2, '0')} Mar 2026 10:00:00 +0000`,
  subject: `Note ${n}`,
  messageId: `m${n}-${Math.random().toString(36).slice(2)}@navy.example`,
  ...over,
});

describe.each(dialects)('IMAP capture on %s', (dialect) => {
  let dovecot: Dovecot;
  let store: TestStore;
  let t: TestApp;
  let ada: Caller;
  let grace: string;

  beforeAll(async () => {
    dovecot = await startDovecot();
  });
  afterAll(async () => {
    await dovecot?.stop();
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

  const addSource = async (over: Record<string, unknown> = {}) => {
    const res = await ada.call('POST', '/api/v1/sources', {
      kind: 'imap',
      name: 'Mailbox',
      host: dovecot.host,
      port: dovecot.port,
      tls: false,
      user: dovecot.user,
      password: dovecot.password,
      backfillMonths: 6,
      ...over,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const sync = (id: string) => ada.call('POST', `/api/v1/sources/${id}/sync`);
  const timeline = async () => (await ada.call('GET', `/api/v1/contacts/${grace}/interactions`)).json().items;

  it('backfills INBOX and Sent, then reads only new mail, and a new UIDVALIDITY adds nothing twice', async () => {
    // One test owns the server's mailbox contents: each dialect adds its own, distinct messages.
    const before = (await timeline()).length;
    dovecot.deliver('INBOX', mail(2));
    dovecot.deliver('INBOX', mail(3, { headers: ['List-Unsubscribe: <mailto:u@x>'] }));
    dovecot.deliver('INBOX', mail(4, { date: 'Mon, 1 Jan 2024 10:00:00 +0000' }));
    dovecot.deliver('Sent', mail(5, { from: 'Ada <ada@example.com>', to: 'grace@navy.example' }));
    const id = await addSource();
    const first = await sync(id);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().captured).toBeGreaterThanOrEqual(2);
    const tl = await timeline();
    expect(tl.map((i: { summary: string }) => i.summary)).toEqual(
      expect.arrayContaining(['Note 2', 'Note 5']),
    );
    expect(tl.map((i: { summary: string }) => i.summary)).not.toContain('Note 3');
    expect(tl.find((i: { summary: string }) => i.summary === 'Note 5').direction).toBe('outbound');
    expect(before).toBe(0);

    // Nothing new: CONDSTORE says so without a search.
    expect((await sync(id)).json()).toMatchObject({ seen: 0, captured: 0 });
    dovecot.deliver('INBOX', mail(6));
    expect((await sync(id)).json()).toMatchObject({ seen: 1, captured: 1 });

    await dovecot.resetUids('INBOX');
    const again = (await sync(id)).json();
    expect(again.captured).toBe(0);
    expect(again.seen).toBeGreaterThan(0);
    expect((await timeline()).length).toBe(tl.length + 1);
    const src = (await ada.call('GET', `/api/v1/sources/${id}`)).json();
    expect(src).toMatchObject({ lastError: null, syncing: false });
    expect(JSON.stringify(src)).not.toContain(dovecot.password);
  });

  it('says in words when the password is wrong, and keeps it as the last error', async () => {
    const id = await addSource({ password: 'wrong' });
    const res = await sync(id);
    expect(res.statusCode).toBe(502);
    expect(res.json().detail).toMatch(/^authentication failed: the server says "Authentication failed\."/);
    expect((await ada.call('GET', `/api/v1/sources/${id}`)).json().lastError).toMatch(
      /^authentication failed/,
    );
  });

  it('resumes after a dropped connection without duplicates', async () => {
    for (let n = 10; n < 22; n++) dovecot.deliver('INBOX', mail(n, { subject: `Drop ${dialect} ${n}` }));
    const relay = await flakyRelay(dovecot.port, 3000);
    try {
      const id = await addSource({ port: relay.port });
      const cut = await sync(id);
      expect(cut.statusCode).toBe(502);
      expect(cut.json().detail).toMatch(/connection to the mail server was lost/);
      const resumed = await sync(id);
      expect(resumed.statusCode, resumed.body).toBe(200);
      const drops = (await timeline()).filter((i: { summary: string }) =>
        i.summary.startsWith(`Drop ${dialect}`),
      );
      expect(drops).toHaveLength(12);
      expect(new Set(drops.map((i: { summary: string }) => i.summary)).size).toBe(12);
    } finally {
      await relay.close();
    }
  });

  it('lets one sync of a source run at a time, also from a second app instance', async () => {
    const id = await addSource();
    const other = await testApp(store);
    other.deps.clock.set('2026-03-20T09:00:00.000Z');
    try {
      const results = await Promise.allSettled([
        syncImapSource(t.deps, ada.accountId, id),
        syncImapSource(other.deps, ada.accountId, id),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(String(rejected.reason)).toMatch(/already syncing/);
    } finally {
      await other.app.close();
    }
  });
});
