import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { smtpMailer } from '../../src/jobs/mailer';
import { tick } from '../../src/jobs/scheduler';
import { updateAccount } from '../../src/store/accounts.repo';
import { signUp, type TestApp, testApp } from '../helpers/app';
import { startSmtp, type TestSmtp } from '../helpers/smtp';
import { dialects, freshStore, type TestStore } from '../helpers/stores';

const PUBLIC = 'https://tend.example';
const FROM = 'Tend <tend@tend.example>';

/** A signed-up user whose account lives in `zone` and has one overdue contact called `firstName`. */
async function userWithQueue(t: TestApp, store: TestStore, email: string, zone: string, firstName: string) {
  const user = await signUp(t.app, email, email.split('@')[0]);
  await updateAccount(store.read, user.accountId, { time_zone: zone });
  const res = await user.call('POST', '/api/v1/contacts', {
    firstName,
    lastName: 'שלום <script>alert(1)</script>',
    cadence: { kind: 'monthly' },
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json<{ id: string }>().id;
  await user.call('POST', `/api/v1/contacts/${id}/interactions`, {
    channel: 'email',
    direction: 'inbound',
    occurredAt: '2025-12-20T10:00:00Z',
  });
  return { user, contactId: id };
}

describe.each(dialects)('daily digest on %s', (dialect) => {
  let store: TestStore;
  let t: TestApp;
  let smtp: TestSmtp;
  let mailer: ReturnType<typeof smtpMailer>;

  beforeEach(async () => {
    store = await freshStore(dialect);
    t = await testApp(store);
    smtp = await startSmtp();
    mailer = smtpMailer(smtp.url, FROM);
  });
  afterEach(async () => {
    mailer.close();
    await smtp.close();
    await t.app.close();
    await store.close();
  });

  const run = () => tick(t.deps, { publicUrl: PUBLIC, mailer });

  it('is off by default, and settings validate and default to the sign-in e-mail', async () => {
    const ada = await signUp(t.app);
    expect((await ada.call('GET', '/api/v1/digest/settings')).json()).toEqual({
      digestEnabled: false,
      digestEmail: 'ada@example.com',
      digestEmailSet: false,
      timeZone: 'Europe/London',
    });
    const bad = await ada.call('PATCH', '/api/v1/digest/settings', { digestEmail: 'not an address' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('digestEmail');
    const set = await ada.call('PATCH', '/api/v1/digest/settings', {
      digestEnabled: true,
      digestEmail: 'me@home.example',
    });
    expect(set.json()).toMatchObject({
      digestEnabled: true,
      digestEmail: 'me@home.example',
      digestEmailSet: true,
    });
    const back = await ada.call('PATCH', '/api/v1/digest/settings', { digestEmail: null });
    expect(back.json()).toMatchObject({ digestEmail: 'ada@example.com', digestEmailSet: false });
  });

  it('leaves at 07:00 local for Auckland and Los Angeles, exactly once each', async () => {
    const nz = await userWithQueue(t, store, 'kiri@nz.example', 'Pacific/Auckland', 'Kiri 🎉');
    const la = await userWithQueue(t, store, 'lou@la.example', 'America/Los_Angeles', 'Lou');
    // Digest off: never sent, whatever the time.
    const off = await userWithQueue(t, store, 'off@x.example', 'America/Los_Angeles', 'Otto');
    // Digest on but an empty queue: nothing is sent.
    const empty = await signUp(t.app, 'empty@x.example', 'Empty');
    await updateAccount(store.read, empty.accountId, { time_zone: 'America/Los_Angeles' });
    for (const u of [nz.user, la.user, empty])
      expect((await u.call('PATCH', '/api/v1/digest/settings', { digestEnabled: true })).statusCode).toBe(
        200,
      );
    void off;

    // 13:59Z: Los Angeles (PDT since 8 March) is at 06:59, Auckland (NZDT) at 02:59 tomorrow.
    t.deps.clock.set('2026-03-10T13:59:00Z');
    await run();
    expect(smtp.received).toHaveLength(0);
    // 14:00Z is 07:00 in Los Angeles.
    t.deps.clock.set('2026-03-10T14:00:00Z');
    await run();
    expect(smtp.received.map((m) => m.envelopeTo)).toEqual([['lou@la.example']]);
    t.deps.clock.set('2026-03-10T14:01:00Z');
    await run();
    t.deps.clock.set('2026-03-10T17:59:00Z');
    await run();
    expect(smtp.received).toHaveLength(1);
    // 18:00Z is 07:00 on 11 March in Auckland.
    t.deps.clock.set('2026-03-10T18:00:00Z');
    await run();
    t.deps.clock.set('2026-03-10T18:05:00Z');
    await run();
    expect(smtp.received.map((m) => m.envelopeTo)).toEqual([['lou@la.example'], ['kiri@nz.example']]);

    const [lou, kiri] = smtp.received;
    expect(lou!.headers.get('message-id')).toBe(`<digest.${la.user.accountId}.2026-03-10@tend>`);
    expect(kiri!.headers.get('message-id')).toBe(`<digest.${nz.user.accountId}.2026-03-11@tend>`);
    expect(kiri!.headers.get('from')).toBe(FROM);
    expect(kiri!.headers.get('to')).toBe('kiri@nz.example');
    expect(kiri!.headers.get('subject')).toBe('Today in Tend: 1 person to reach out to (Wednesday 11 March)');
    // UTF-8 survives: emoji and right-to-left text, in both parts.
    expect(kiri!.text).toContain('Kiri 🎉 שלום <script>alert(1)</script>');
    expect(kiri!.text).toContain(`${PUBLIC}/contacts/${nz.contactId}`);
    expect(kiri!.html).toContain('Kiri 🎉 שלום &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(kiri!.html).not.toContain('<script>');
    // The reasons, in words.
    expect(kiri!.text).toMatch(/overdue/i);

    const outbox = (await la.user.call('GET', '/api/v1/outbox')).json().items;
    expect(outbox).toMatchObject([{ kind: 'digest', status: 'sent', attempts: 1, lastError: null }]);
    expect((await empty.call('GET', '/api/v1/outbox')).json().items).toEqual([]);
    expect((await off.user.call('GET', '/api/v1/outbox')).json().items).toEqual([]);

    // The next local day brings the next digest.
    t.deps.clock.set('2026-03-11T14:00:00Z');
    await run();
    expect(smtp.received.map((m) => m.envelopeTo.join())).toEqual([
      'lou@la.example',
      'kiri@nz.example',
      'lou@la.example',
    ]);
  });
});
