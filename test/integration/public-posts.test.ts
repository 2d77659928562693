import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { dialects, freshStore } from '../helpers/stores';

describe.each(dialects)('sharing in public on %s', (dialect) => {
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

  it('records a LinkedIn post as a public update that does not count as a personal update', async () => {
    const res = await ada.call('POST', '/api/v1/updates/public', { body: 'We shipped Tend 1.0 today!' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      subject: 'LinkedIn post',
      body: 'We shipped Tend 1.0 today!',
      sendMode: 'linkedin_post',
      sentAt: '2026-03-10T09:00:00.000Z',
      segmentId: null,
    });
    const list = (await ada.call('GET', '/api/v1/updates')).json<{ items: { sendMode: string }[] }>().items;
    expect(list.map((u) => u.sendMode)).toEqual(['linkedin_post']);
    expect((await ada.call('GET', '/api/v1/updates/due')).json()).toMatchObject({
      due: true,
      lastSentAt: null,
    });
    // It went out already: it cannot be sent again to a segment.
    const again = await ada.call('POST', `/api/v1/updates/${res.json().id}/send`, { mode: 'drafts' });
    expect(again.statusCode).toBe(409);
    const empty = await ada.call('POST', '/api/v1/updates/public', { body: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('body');
    const long = await ada.call('POST', '/api/v1/updates/public', { body: 'x'.repeat(3001) });
    expect(long.statusCode).toBe(400);
  });

  it('counts a public congratulation as a give in the ledger', async () => {
    const grace = (
      await ada.call('POST', '/api/v1/contacts', { firstName: 'Grace', lastName: 'Hopper' })
    ).json<{
      id: string;
    }>().id;
    const posted = await ada.call('POST', `/api/v1/contacts/${grace}/ledger`, {
      kind: 'public_congratulation',
      note: 'Celebrated in public: Promoted to Rear Admiral',
    });
    expect(posted.statusCode, posted.body).toBe(201);
    expect((await ada.call('GET', `/api/v1/contacts/${grace}/ledger`)).json()).toMatchObject({
      gives: 1,
      balance: 1,
    });
  });
});
