import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readMboxMessages } from '../../src/capture/mbox-messages';
import { SourceSettings } from '../../src/contract/capture';
import { requireSource } from '../../src/services/capture/capture.service';
import { captureContext, captureMail } from '../../src/services/capture/capture-mail';
import { updateDerivedColumns } from '../../src/store/contact-derived.repo';
import type { Store } from '../../src/store/store';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { dialects, freshStore } from '../helpers/stores';
import { addContact, mbox, uploadMbox } from './capture-helpers';

const takeout = readFileSync(new URL('../fixtures/capture/takeout.mbox', import.meta.url));

describe.each(dialects)('mbox capture on %s', (dialect) => {
  let store: Store;
  let t: TestApp;
  let ada: Caller;
  let grace: string;
  let source: string;

  beforeEach(async () => {
    store = await freshStore(dialect);
    t = await testApp(store);
    t.deps.clock.set('2026-03-20T09:00:00.000Z');
    ada = await signUp(t.app);
    grace = await addContact(ada, 'Grace', 'grace@navy.example');
    const res = await ada.call('POST', '/api/v1/sources', {
      kind: 'mbox',
      name: 'Takeout',
      ownAddresses: ['ada.lovelace@gmail.com'],
    });
    expect(res.statusCode).toBe(201);
    source = res.json<{ id: string }>().id;
  });
  afterEach(async () => {
    await t.app.close();
    await store.close();
  });

  const interactions = async (id = grace) =>
    (await ada.call('GET', `/api/v1/contacts/${id}/interactions`)).json<{
      items: {
        direction: string;
        summary: string;
        awaitingReply: boolean;
        occurredAt: string;
        channel: string;
      }[];
    }>().items;

  it('turns a Takeout mbox into interactions, and a second import adds nothing', async () => {
    const first = await uploadMbox(t.app, ada, source, takeout);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({
      seen: 4,
      captured: 2,
      skipped: { bulk: 1 },
      failed: 1,
      errors: ['message 4: Date is not a date: sometime last week'],
    });
    expect(await interactions()).toEqual([
      expect.objectContaining({ direction: 'inbound', summary: 'Re: Café next week?', awaitingReply: false }),
      expect.objectContaining({
        direction: 'outbound',
        summary: 'Café next week?',
        awaitingReply: true,
        channel: 'email',
      }),
    ]);
    const contact = (await ada.call('GET', `/api/v1/contacts/${grace}`)).json();
    expect(contact.lastInteractionAt).toBe('2026-03-03T09:00:00.000Z');

    const again = await uploadMbox(t.app, ada, source, takeout);
    expect(again.json()).toMatchObject({
      seen: 4,
      captured: 0,
      skipped: { bulk: 1, duplicate: 2 },
      failed: 1,
    });
    expect(await interactions()).toHaveLength(2);
    expect((await ada.call('GET', `/api/v1/sources/${source}`)).json()).toMatchObject({
      seen: 8,
      captured: 2,
      skipped: 4,
      failed: 2,
      syncing: false,
      lastSyncAt: '2026-03-20T09:00:00.000Z',
      lastError: null,
      settings: { ownAddresses: ['ada.lovelace@gmail.com'] },
    });
  });

  it('suggests strangers I write with, adds one with a click and forgets a dismissed one', async () => {
    const file = mbox([
      [
        'Date: Mon, 2 Mar 2026 10:00:00 +0000',
        'From: ada@example.com',
        'To: "Linus T" <linus@kernel.example>',
        'Message-ID: <s1@x>',
      ],
      [
        'Date: Tue, 3 Mar 2026 10:00:00 +0000',
        'From: Linus T <Linus+list@kernel.example>',
        'To: ada@example.com',
        'Message-ID: <s2@x>',
      ],
      [
        'Date: Tue, 3 Mar 2026 11:00:00 +0000',
        'From: Bob <bob@other.example>',
        'To: ada@example.com',
        'Message-ID: <s3@x>',
      ],
    ]);
    expect((await uploadMbox(t.app, ada, source, file)).json()).toMatchObject({
      captured: 0,
      skipped: { unknown: 3 },
    });
    const list = (await ada.call('GET', '/api/v1/capture/suggestions')).json().items;
    expect(list).toEqual([
      { address: 'linus@kernel.example', name: 'Linus T', messages: 2, lastAt: '2026-03-03T10:00:00.000Z' },
      { address: 'bob@other.example', name: 'Bob', messages: 1, lastAt: '2026-03-03T11:00:00.000Z' },
    ]);
    const added = await ada.call('POST', '/api/v1/capture/suggestions/linus@kernel.example/accept');
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ firstName: 'Linus', lastName: 'T' });
    expect((await ada.call('POST', '/api/v1/capture/suggestions/bob@other.example/dismiss')).statusCode).toBe(
      204,
    );
    expect((await ada.call('GET', '/api/v1/capture/suggestions')).json().items).toEqual([]);
    // Bob writes again: still counted, never suggested again.
    await uploadMbox(
      t.app,
      ada,
      source,
      mbox([['Date: Wed, 4 Mar 2026 10:00:00 +0000', 'From: bob@other.example', 'To: ada@example.com']]),
    );
    expect((await ada.call('GET', '/api/v1/capture/suggestions')).json().items).toEqual([]);
    // Linus is a contact now: the same file again becomes his interactions.
    expect((await uploadMbox(t.app, ada, source, file)).json()).toMatchObject({ captured: 2 });
  });

  it("removes a source with what it captured, and never shows another account's sources", async () => {
    await uploadMbox(t.app, ada, source, takeout);
    const bob = await signUp(t.app, 'bob@example.com', 'Bob');
    expect((await bob.call('GET', `/api/v1/sources/${source}`)).statusCode).toBe(404);
    expect((await bob.call('GET', '/api/v1/sources')).json().items).toEqual([]);
    expect((await uploadMbox(t.app, bob, source, takeout)).statusCode).toBe(404);
    expect((await ada.call('DELETE', `/api/v1/sources/${source}?withCaptured=true`)).statusCode).toBe(204);
    expect(await interactions()).toEqual([]);
    expect((await ada.call('GET', `/api/v1/contacts/${grace}`)).json().lastInteractionAt).toBeNull();
    expect((await ada.call('GET', '/api/v1/sources')).json().items).toEqual([]);
  });

  it('backs up what it captured, so after a restore into a new server the same mbox adds nothing', async () => {
    expect((await uploadMbox(t.app, ada, source, takeout)).json()).toMatchObject({ captured: 2 });
    const backup = (await ada.call('GET', '/api/v1/export/backup.json')).json();
    // The keys travel without their source: sources (and their credentials) stay on the server.
    expect(backup.captured_items).toEqual([
      expect.objectContaining({ item_key: 'in-1@navy.example', contact_id: grace, direction: 'inbound' }),
      expect.objectContaining({ item_key: 'out-1@mail.gmail.com', contact_id: grace, direction: 'outbound' }),
    ]);
    expect(JSON.stringify(backup)).not.toContain(source);

    const other = await freshStore(dialect);
    const t2 = await testApp(other);
    try {
      t2.deps.clock.set('2026-03-21T09:00:00.000Z');
      const zoe = await signUp(t2.app, 'zoe@example.com', 'Zoe');
      const restored = await zoe.call('POST', '/api/v1/import/backup', backup);
      expect(restored.statusCode, restored.body).toBe(201);
      expect(restored.json().restored.captured_items).toBe(2);
      const again = await zoe.call('POST', '/api/v1/sources', {
        kind: 'mbox',
        name: 'Takeout again',
        ownAddresses: ['ada.lovelace@gmail.com'],
      });
      const run = await uploadMbox(t2.app, zoe, again.json().id, takeout);
      expect(run.json()).toMatchObject({ seen: 4, captured: 0, skipped: { bulk: 1, duplicate: 2 } });
      const items = (await zoe.call('GET', `/api/v1/contacts/${grace}/interactions`)).json().items;
      expect(items).toHaveLength(2);
      // Removing the new source with what it captured leaves the restored history alone.
      expect(
        (await zoe.call('DELETE', `/api/v1/sources/${again.json().id}?withCaptured=true`)).statusCode,
      ).toBe(204);
      expect((await zoe.call('GET', `/api/v1/contacts/${grace}/interactions`)).json().items).toHaveLength(2);
    } finally {
      await t2.app.close();
      await other.close();
    }
  });

  it('brings the schedules of a file cut off mid-way up to date, and a second import those of its duplicates', async () => {
    const alan = await addContact(ada, 'Alan', 'alan@bletchley.example');
    const file = mbox([
      [
        'Message-ID: <one@bletchley.example>',
        'Date: Sun, 1 Mar 2026 10:00:00 +0000',
        'From: alan@bletchley.example',
        'To: ada.lovelace@gmail.com',
      ],
      [
        'Message-ID: <two@navy.example>',
        'Date: Thu, 5 Mar 2026 10:00:00 +0000',
        'From: grace@navy.example',
        'To: ada.lovelace@gmail.com',
      ],
    ]);
    const lastAt = async (id: string) =>
      (await ada.call('GET', `/api/v1/contacts/${id}`)).json<{ lastInteractionAt: string | null }>()
        .lastInteractionAt;
    // The whole file arrives, then the connection drops before its end is confirmed.
    async function* cutOff() {
      yield new Uint8Array(file);
      throw new Error('connection reset');
    }
    const row = await requireSource(t.deps, ada.accountId, source);
    const ctx = await captureContext(t.deps, row, SourceSettings.parse(JSON.parse(row.settings)));
    await expect(
      captureMail(t.deps, row, ctx, readMboxMessages(cutOff()), undefined, {
        batchSize: 1,
        schedules: 'at-end',
      }),
    ).rejects.toThrow('connection reset');
    // Both one-message batches were committed, and their schedules followed although the file failed.
    expect(await interactions(alan)).toHaveLength(1);
    expect(await lastAt(alan)).toBe('2026-03-01T10:00:00.000Z');
    expect(await lastAt(grace)).toBe('2026-03-05T10:00:00.000Z');

    // As if the process had been killed before that refresh: Alan's derived columns are stale.
    await updateDerivedColumns(store.read, ada.accountId, [
      {
        id: alan,
        health_score: null,
        health_computed_at: null,
        last_interaction_at: null,
        last_meaningful_at: null,
        last_inbound_at: null,
        last_reply_channel: null,
        next_due_at: null,
      },
    ]);
    expect(await lastAt(alan)).toBeNull();
    expect((await uploadMbox(t.app, ada, source, file)).json()).toMatchObject({
      captured: 0,
      skipped: { duplicate: 2 },
    });
    expect(await interactions(alan)).toHaveLength(1);
    expect(await lastAt(alan)).toBe('2026-03-01T10:00:00.000Z');
    expect(await lastAt(grace)).toBe('2026-03-05T10:00:00.000Z');
  });

  it("skips a don't-capture contact's mail, excluded domains and crowds", async () => {
    const res = await ada.call('POST', '/api/v1/sources', {
      kind: 'mbox',
      name: 'Work',
      excludedDomains: ['navy.example'],
    });
    const crowd = Array.from({ length: 21 }, (_, i) => `p${i}@crowd.example`).join(', ');
    const run = await uploadMbox(
      t.app,
      ada,
      res.json().id,
      mbox([
        ['Date: Mon, 2 Mar 2026 10:00:00 +0000', 'From: grace@navy.example', 'To: ada@example.com'],
        ['Date: Mon, 2 Mar 2026 10:00:00 +0000', 'From: ada@example.com', `To: ${crowd}`],
        [
          'Date: Mon, 2 Mar 2026 10:00:00 +0000',
          'From: No Reply <noreply@shop.example>',
          'To: ada@example.com',
        ],
      ]),
    );
    expect(run.json()).toMatchObject({ captured: 0, skipped: { excluded_domain: 1, crowd: 1, bulk: 1 } });

    const patched = await ada.call('PATCH', `/api/v1/contacts/${grace}`, { capture: false });
    expect(patched.json().capture).toBe(false);
    expect((await uploadMbox(t.app, ada, source, takeout)).json()).toMatchObject({
      captured: 0,
      skipped: { dont_capture: 2, bulk: 1 },
    });
    expect(await interactions()).toEqual([]);
  });

  it('lets only an admin token add or remove a source; a write token syncs', async () => {
    const res = await ada.call('POST', '/api/v1/tokens', { name: 'script', scopes: ['write'] });
    const token = res.json<{ token: string }>().token;
    const asWriter = (method: 'POST' | 'DELETE', url: string, payload?: object) =>
      t.app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${token}` },
        ...(payload && { payload }),
      });
    expect((await asWriter('POST', '/api/v1/sources', { kind: 'mbox', name: 'x' })).statusCode).toBe(403);
    expect((await asWriter('DELETE', `/api/v1/sources/${source}`)).statusCode).toBe(403);
    const upload = await t.app.inject({
      method: 'POST',
      url: `/api/v1/sources/${source}/upload`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/mbox' },
      payload: takeout,
    });
    expect(upload.statusCode).toBe(200);
  });

  it('refuses what is not an mbox with words, and a body that is not a file', async () => {
    const run = await uploadMbox(t.app, ada, source, Buffer.from('Name,Email\nAda,ada@x.org\n'));
    expect(run.json()).toMatchObject({
      captured: 0,
      failed: 1,
      errors: ['this is not an mbox file: it does not start with a "From " line'],
    });
    const json = await ada.call('POST', `/api/v1/sources/${source}/upload`, { not: 'a file' });
    expect(json.statusCode).toBe(400);
  });
});
