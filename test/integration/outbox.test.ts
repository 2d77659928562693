import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { smtpMailer } from '../../src/jobs/mailer';
import { type Jobs, startJobs, tick } from '../../src/jobs/scheduler';
import { buildApp } from '../../src/server/app';
import { deliverDue, enqueueMessage } from '../../src/services/email/outbox.service';
import { updateAccount } from '../../src/store/accounts.repo';
import { openPostgres } from '../../src/store/postgres';
import { type Caller, fixedClock, signUp, type TestApp, testApp } from '../helpers/app';
import { startSmtp, type TestSmtp } from '../helpers/smtp';
import { dialects, freshStore, type TestStore } from '../helpers/stores';

const FROM = 'Tend <tend@tend.example>';
const PUBLIC = 'https://tend.example';

describe.each(dialects)('outbox on %s', (dialect) => {
  let store: TestStore;
  let t: TestApp;
  let smtp: TestSmtp;
  let mailer: ReturnType<typeof smtpMailer>;
  let ada: Caller;

  beforeEach(async () => {
    store = await freshStore(dialect);
    t = await testApp(store);
    smtp = await startSmtp();
    mailer = smtpMailer(smtp.url, FROM);
    ada = await signUp(t.app);
  });
  afterEach(async () => {
    mailer.close();
    await smtp.close();
    await t.app.close();
    await store.close();
  });

  const enqueue = (key = 'update:u1:c1') =>
    enqueueMessage(t.deps, store.read, ada.accountId, {
      kind: 'update',
      idempotencyKey: key,
      to: 'friend@example.com',
      subject: 'Näws 🎉 שלום',
      text: 'Hello',
      html: null,
    });
  const outbox = async () => (await ada.call('GET', '/api/v1/outbox')).json().items;
  const deliver = () => deliverDue(t.deps, mailer);

  it('enqueues a key once: the second enqueue is a no-op', async () => {
    const first = await enqueue();
    const second = await enqueue();
    expect(first.added).toBe(true);
    expect(second).toEqual({ id: first.id, added: false });
    expect(await outbox()).toHaveLength(1);
    expect(await deliver()).toMatchObject({ sent: 1 });
    expect(await deliver()).toMatchObject({ sent: 0 });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.headers.get('subject')).toBe('Näws 🎉 שלום');
    expect(smtp.received[0]!.headers.get('message-id')).toBe('<update.u1.c1@tend>');
  });

  it('records a refused recipient with its error, backs off, and sends once the server accepts', async () => {
    smtp.mode = 'reject-rcpt';
    const { id } = await enqueue();
    expect(await deliver()).toMatchObject({ sent: 0, retrying: 1 });
    expect(await outbox()).toMatchObject([
      { id, status: 'pending', attempts: 1, nextAttemptAt: '2026-03-10T09:01:00.000Z', sentAt: null },
    ]);
    expect((await outbox())[0].lastError).toMatch(/550.*unavailable/);
    // Not before its time, even when the server is back.
    smtp.mode = 'accept';
    expect(await deliver()).toMatchObject({ sent: 0, retrying: 0 });
    t.deps.clock.set('2026-03-10T09:01:00.000Z');
    expect(await deliver()).toMatchObject({ sent: 1 });
    expect(await outbox()).toMatchObject([
      { id, status: 'sent', attempts: 2, lastError: null, sentAt: '2026-03-10T09:01:00.000Z' },
    ]);
    expect(smtp.received).toHaveLength(1);
    // A sent message cannot be retried; another account's id is unknown.
    expect((await ada.call('POST', `/api/v1/outbox/${id}/retry`, {})).statusCode).toBe(409);
    const eve = await signUp(t.app, 'eve@example.com', 'Eve');
    expect((await eve.call('POST', `/api/v1/outbox/${id}/retry`, {})).statusCode).toBe(404);
  });

  it('fails for good after five refusals at DATA, and a manual retry sends it', async () => {
    smtp.mode = 'reject-data';
    const { id } = await enqueue();
    const times = ['09:00', '09:01', '09:06', '09:36', '11:36'];
    for (const [i, hm] of times.entries()) {
      t.deps.clock.set(`2026-03-10T${hm}:00.000Z`);
      expect(await deliver(), hm).toMatchObject(i < 4 ? { retrying: 1 } : { failed: 1 });
    }
    const [row] = await outbox();
    expect(row).toMatchObject({ status: 'failed', attempts: 5, nextAttemptAt: null });
    expect(row.lastError).toMatch(/451.*greylisted/);
    t.deps.clock.set('2026-03-11T09:00:00.000Z');
    expect(await deliver()).toMatchObject({ sent: 0, retrying: 0, failed: 0 });
    smtp.mode = 'accept';
    const retried = await ada.call('POST', `/api/v1/outbox/${id}/retry`, {});
    expect(retried.json()).toMatchObject({ status: 'pending', attempts: 0 });
    expect(await deliver()).toMatchObject({ sent: 1 });
    expect(smtp.received).toHaveLength(1);
  });

  it('retries after a dropped connection without ever delivering twice', async () => {
    smtp.mode = 'drop';
    await enqueue();
    expect(await deliver()).toMatchObject({ sent: 0, retrying: 1 });
    expect(smtp.received).toHaveLength(0);
    expect((await outbox())[0].lastError).toBeTruthy();
    smtp.mode = 'accept';
    for (const at of ['09:01', '09:02', '10:00']) {
      t.deps.clock.set(`2026-03-10T${at}:00.000Z`);
      await deliver();
    }
    expect(smtp.received).toHaveLength(1);
  });

  it('returns a row stuck in sending to pending after 10 minutes, with the same Message-ID', async () => {
    const { id } = await enqueue();
    await deliver();
    // A worker crashed after the server accepted but before it recorded the send.
    await store.db
      .updateTable('outbox')
      .set({ status: 'sending', sending_at: '2026-03-10T09:00:00.000Z', sent_at: null })
      .where('id', '=', id)
      .execute();
    t.deps.clock.set('2026-03-10T09:09:59.000Z');
    expect(await deliver()).toMatchObject({ released: 0, sent: 0 });
    t.deps.clock.set('2026-03-10T09:10:01.000Z');
    expect(await deliver()).toMatchObject({ released: 1, sent: 1 });
    // The documented trade-off: a second copy, which the receiver can drop by its Message-ID.
    expect(smtp.received).toHaveLength(2);
    expect(new Set(smtp.received.map((m) => m.headers.get('message-id')))).toEqual(
      new Set(['<update.u1.c1@tend>']),
    );
  });
});

/** A throwaway database that two stores (two app instances) open at once. */
async function sharedDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = async (query: string) => {
    const client = new pg.Client({ connectionString: inject('pgAdminUrl') });
    await client.connect();
    try {
      await client.query(query);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
  return {
    url: inject('pgAdminUrl').replace(/\/postgres$/, `/${name}`),
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

describe('two app instances on one PostgreSQL', () => {
  it('deliver exactly one digest however they race, by hand and through pg-boss', async () => {
    const database = await sharedDatabase();
    const stores = [await openPostgres(database.url, 4), await openPostgres(database.url, 4)];
    const clock = fixedClock('2026-03-10T14:00:00.000Z');
    const deps = stores.map((store) => ({ store, clock, newId: uuidv7 }));
    const smtp = await startSmtp();
    const mailers = [smtpMailer(smtp.url, FROM), smtpMailer(smtp.url, FROM)];
    const app = await buildApp(deps[0]!, { signupOpen: true });
    const jobs: Jobs[] = [];
    try {
      const lou = await signUp(app, 'lou@la.example', 'Lou');
      await updateAccount(stores[0]!.read, lou.accountId, { time_zone: 'America/Los_Angeles' });
      const c = (
        await lou.call('POST', '/api/v1/contacts', { firstName: 'Olga', cadence: { kind: 'monthly' } })
      ).json();
      await lou.call('POST', `/api/v1/contacts/${c.id}/interactions`, {
        channel: 'email',
        direction: 'inbound',
        occurredAt: '2025-12-20T10:00:00Z',
      });
      await lou.call('PATCH', '/api/v1/digest/settings', { digestEnabled: true });

      // Both instances tick and deliver at once, several times over.
      const run = (i: number) => tick(deps[i]!, { publicUrl: PUBLIC, mailer: mailers[i]! });
      for (let round = 0; round < 3; round++) await Promise.all([run(0), run(1), run(0), run(1)]);
      expect(smtp.received.map((m) => m.headers.get('message-id'))).toEqual([
        `<digest.${lou.accountId}.2026-03-10@tend>`,
      ]);

      // The next day through pg-boss: both instances schedule and work the same queue.
      clock.set('2026-03-11T14:00:00.000Z');
      for (const i of [0, 1])
        jobs.push(
          await startJobs(deps[i]!, {
            publicUrl: PUBLIC,
            mailer: mailers[i]!,
            pollSeconds: 0.5,
          }),
        );
      await Promise.all(jobs.flatMap((j) => [j.runNow(), j.runNow()]));
      const deadline = Date.now() + 20_000;
      while (smtp.received.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      await new Promise((r) => setTimeout(r, 2_000));
      expect(smtp.received.map((m) => m.headers.get('message-id'))).toEqual([
        `<digest.${lou.accountId}.2026-03-10@tend>`,
        `<digest.${lou.accountId}.2026-03-11@tend>`,
      ]);
    } finally {
      for (const j of jobs) await j.stop();
      for (const m of mailers) m.close();
      await smtp.close();
      await app.close();
      for (const s of stores) await s.close();
      await database.drop();
    }
  }, 60_000);
});
