import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { dialects, freshStore } from '../helpers/stores';
import { zipFile } from '../helpers/zip-file';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/capture/${name}`, import.meta.url));

interface Row {
  channel: string;
  direction: string;
  summary: string;
  occurredAt: string;
  awaitingReply: boolean;
}

describe.each(dialects)('LinkedIn and WhatsApp capture on %s', (dialect) => {
  let store: Store;
  let t: TestApp;
  let ada: Caller;

  beforeEach(async () => {
    store = await freshStore(dialect);
    t = await testApp(store);
    t.deps.clock.set('2024-04-01T09:00:00.000Z');
    ada = await signUp(t.app);
  });
  afterEach(async () => {
    await t.app.close();
    await store.close();
  });

  const contact = async (body: object) => {
    const res = await ada.call('POST', '/api/v1/contacts', body);
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const source = async (body: object) => {
    const res = await ada.call('POST', '/api/v1/sources', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string; storeBodies: boolean }>();
  };
  const upload = (id: string, body: Buffer, query = '', type = 'text/plain') =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/sources/${id}/upload${query}`,
      headers: { authorization: `Bearer ${ada.token}`, 'content-type': type },
      payload: body,
    });
  const interactions = async (id: string) =>
    (await ada.call('GET', `/api/v1/contacts/${id}/interactions`)).json<{ items: Row[] }>().items;
  const allSummaries = async (ids: string[]) =>
    (await Promise.all(ids.map(interactions))).flat().map((i) => i.summary);

  describe('LinkedIn messages.csv', () => {
    let grace: string;
    let katherine: string;
    beforeEach(async () => {
      grace = await contact({
        firstName: 'Grace',
        lastName: 'Hopper',
        links: [{ kind: 'linkedin', url: 'https://linkedin.com/in/Grace-Hopper' }],
      });
      katherine = await contact({ firstName: 'Katherine', lastName: 'Johnson' });
      await contact({ firstName: 'Dorothy', lastName: 'Vaughan' });
      await contact({ firstName: 'Dorothy', lastName: 'Vaughan', company: 'NACA' });
    });

    it('matches by profile, then by a name only one contact has; re-import adds nothing', async () => {
      const s = await source({ kind: 'linkedin_messages', name: 'LinkedIn' });
      expect(s.storeBodies).toBe(false);
      const first = await upload(s.id, fixture('linkedin-messages.csv'));
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toEqual({
        seen: 9,
        captured: 4,
        skipped: { crowd: 1, unknown: 3 },
        failed: 1,
        errors: ['row 11: DATE is not a date: sometime in March'],
      });
      expect(await interactions(grace)).toEqual([
        expect.objectContaining({
          direction: 'outbound',
          occurredAt: '2024-03-12T14:05:09.000Z',
          awaitingReply: false,
        }),
        expect.objectContaining({ direction: 'inbound', summary: '', channel: 'linkedin' }),
        expect.objectContaining({ direction: 'outbound', summary: 'Compilers', awaitingReply: true }),
      ]);
      expect(await interactions(katherine)).toEqual([
        expect.objectContaining({
          direction: 'inbound',
          summary: 'Orbits',
          occurredAt: '2024-02-01T10:00:00.000Z',
        }),
      ]);
      // The cadence restarts from the last exchange, as a logged one would.
      const g = (await ada.call('GET', `/api/v1/contacts/${grace}`)).json();
      expect(g.lastInteractionAt).toBe('2024-03-12T14:05:09.000Z');

      const again = await upload(s.id, fixture('linkedin-messages.csv'));
      expect(again.json()).toMatchObject({ captured: 0, skipped: { crowd: 1, unknown: 3, duplicate: 4 } });
      expect(await interactions(grace)).toHaveLength(3);
      expect((await ada.call('GET', `/api/v1/sources/${s.id}`)).json()).toMatchObject({
        seen: 18,
        captured: 4,
        failed: 2,
        lastError: null,
      });
    });

    it('suggests unmatched senders by profile, never one of two same-named contacts; accepting matches next time', async () => {
      const s = await source({ kind: 'linkedin_messages', name: 'LinkedIn' });
      await upload(s.id, fixture('linkedin-messages.csv'));
      const list = (await ada.call('GET', '/api/v1/capture/suggestions')).json().items;
      expect(list).toEqual([
        {
          address: 'linkedin.com/in/alan-turing-42',
          name: 'Alan Turing',
          messages: 2,
          lastAt: '2024-01-20T09:30:00.000Z',
        },
        {
          address: 'linkedin.com/in/dvaughan',
          name: 'Dorothy Vaughan',
          messages: 1,
          lastAt: '2024-02-10T11:00:00.000Z',
        },
      ]);
      const added = await ada.call(
        'POST',
        `/api/v1/capture/suggestions/${encodeURIComponent('linkedin.com/in/alan-turing-42')}/accept`,
      );
      expect(added.statusCode, added.body).toBe(201);
      expect(added.json().links).toEqual([
        { kind: 'linkedin', url: 'https://www.linkedin.com/in/alan-turing-42' },
      ]);
      const again = await upload(s.id, fixture('linkedin-messages.csv'));
      expect(again.json()).toMatchObject({ captured: 2 });
      expect(await interactions(added.json().id)).toHaveLength(2);
    });

    it('keeps CONTENT only when the source opts in, bounded', async () => {
      const off = await source({ kind: 'linkedin_messages', name: 'off' });
      await upload(off.id, fixture('linkedin-messages.csv'));
      const offText = (await allSummaries([grace, katherine])).join('\n');
      expect(offText).not.toMatch(/loved your talk|Thursday works|trajectory/);
      await ada.call('DELETE', `/api/v1/sources/${off.id}?withCaptured=true`);

      const on = await source({ kind: 'linkedin_messages', name: 'on', storeBodies: true });
      expect(on.storeBodies).toBe(true);
      await upload(on.id, fixture('linkedin-messages.csv'));
      expect(await allSummaries([grace])).toEqual([
        'Great, see you then.',
        'Thank you Ada! Thursday works.',
        'Compilers\n\nHi Grace, loved your talk on compilers.\nCoffee next week?',
      ]);
    });

    it('reads older layouts, and asks for ownProfileUrl when the file cannot tell, leaving nothing', async () => {
      const s = await source({ kind: 'linkedin_messages', name: 'LinkedIn 2020' });
      const res = await upload(s.id, fixture('linkedin-messages-2020.csv'));
      expect(res.json()).toMatchObject({ seen: 4, captured: 4 });
      const old = await source({ kind: 'linkedin_messages', name: 'LinkedIn 2018' });
      expect((await upload(old.id, fixture('linkedin-messages-2018.csv'))).json()).toMatchObject({
        captured: 2,
      });
      expect((await interactions(grace)).map((i) => i.occurredAt)).toContain('2018-03-12T14:05:00.000Z');

      const one = Buffer.from(
        'CONVERSATION ID,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT\n' +
          'c1,Grace Hopper,https://www.linkedin.com/in/grace-hopper,Ada,https://www.linkedin.com/in/ada-l,2024-03-20 10:00:00 UTC,,Hi\n',
      );
      const before = (await interactions(grace)).length;
      const unsure = await upload(s.id, one);
      expect(unsure.statusCode).toBe(400);
      expect(unsure.json().detail).toMatch(/give ownProfileUrl/);
      expect(await interactions(grace)).toHaveLength(before);
      const sure = await source({
        kind: 'linkedin_messages',
        name: 'sure',
        ownProfileUrl: 'https://www.linkedin.com/in/ada-l/',
      });
      expect((await upload(sure.id, one)).json()).toMatchObject({ captured: 1 });
    });
  });

  describe('WhatsApp chat', () => {
    let grace: string;
    beforeEach(async () => {
      grace = await contact({ firstName: 'Grace', lastName: 'Hopper' });
    });

    // One day-first and one month-first shape here; every locale's shape is in whatsapp-chat.test.ts.
    it.each([['whatsapp-ios.txt'], ['whatsapp-us.txt']])(
      'turns %s into one interaction per day and direction; the same export again adds nothing',
      async (file) => {
        const s = await source({ kind: 'whatsapp', name: 'Grace', contactId: grace });
        const res = await upload(s.id, fixture(file));
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json()).toMatchObject({ captured: 4, failed: 0 });
        const rows = await interactions(grace);
        expect(rows.map((r) => [r.occurredAt.slice(0, 10), r.direction, r.channel])).toEqual([
          ['2024-03-14', 'inbound', 'text'],
          ['2024-03-13', 'outbound', 'text'],
          ['2024-03-11', 'inbound', 'text'],
          ['2024-03-11', 'outbound', 'text'],
        ]);
        expect(rows.every((r) => /^\d+ WhatsApp messages?$/.test(r.summary))).toBe(true);
        const again = await upload(s.id, fixture(file));
        expect(again.json()).toMatchObject({ captured: 0 });
        expect(await interactions(grace)).toHaveLength(4);
        const g = (await ada.call('GET', `/api/v1/contacts/${grace}`)).json();
        expect(g.lastInteractionAt?.slice(0, 10)).toBe('2024-03-14');
      },
    );

    it("reads the chat out of the phone's .zip export exactly as the .txt, and refuses a bad .zip whole", async () => {
      const chat = fixture('whatsapp-ios.txt');
      const photo = {
        name: '00000003-PHOTO-2024-03-11-09-02-00.jpg',
        data: new Uint8Array(2048).fill(9),
        method: 0,
      };
      const plain = await source({ kind: 'whatsapp', name: 'Grace', contactId: grace });
      expect((await upload(plain.id, chat)).json()).toMatchObject({ captured: 4 });
      const fromTxt = await interactions(grace);
      await ada.call('DELETE', `/api/v1/sources/${plain.id}?withCaptured=true`);
      expect(await interactions(grace)).toEqual([]);

      const zipped = await source({ kind: 'whatsapp', name: 'Grace', contactId: grace });
      const encrypted = zipFile([photo, { name: '_chat.txt', data: chat, flags: 1 }]);
      const refused = await upload(zipped.id, encrypted, '', 'application/zip');
      expect(refused.statusCode).toBe(400);
      expect(refused.json().detail).toMatch(/"_chat.txt" in the .zip is encrypted/);
      expect((await upload(zipped.id, zipFile([photo]))).json().detail).toMatch(/holds no chat .txt/);
      expect(await interactions(grace)).toEqual([]);

      const res = await upload(
        zipped.id,
        zipFile([photo, { name: '_chat.txt', data: chat }]),
        '',
        'application/zip',
      );
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ captured: 4, failed: 0 });
      const strip = (rows: Row[]) =>
        rows.map(({ channel, direction, summary, occurredAt, awaitingReply }) => ({
          channel,
          direction,
          summary,
          occurredAt,
          awaitingReply,
        }));
      expect(strip(await interactions(grace))).toEqual(strip(fromTxt));
      // The .txt of the same chat afterwards adds nothing: the same days, the same keys.
      expect((await upload(zipped.id, chat)).json()).toMatchObject({ captured: 0 });
    });

    it('a longer later export adds only the new days; texts are kept only when opted in', async () => {
      const s = await source({ kind: 'whatsapp', name: 'Grace', contactId: grace });
      const full = fixture('whatsapp-android.txt').toString();
      const early = full.split('\n').slice(0, 5).join('\n');
      // Every date of the first days reads both ways: the user says which.
      expect((await upload(s.id, Buffer.from(early), '?dateOrder=dmy')).json()).toMatchObject({
        captured: 2,
      });
      expect((await upload(s.id, Buffer.from(full))).json()).toMatchObject({
        captured: 2,
        skipped: { duplicate: 3 },
      });
      expect((await allSummaries([grace])).join('\n')).not.toMatch(/Thursday|café|Morning|On my way/);

      const patched = await ada.call('PATCH', `/api/v1/sources/${s.id}`, { storeBodies: true });
      expect(patched.json().storeBodies).toBe(true);
      await ada.call('DELETE', `/api/v1/sources/${s.id}?withCaptured=true`);
      const on = await source({ kind: 'whatsapp', name: 'Grace', contactId: grace, storeBodies: true });
      await upload(on.id, Buffer.from(full));
      expect(await allSummaries([grace])).toEqual([
        'On my way',
        'Thursday then, the café by the harbour?',
        'Hi Ada, yes\nThursday works.',
        'Morning Grace! Are you around this week?',
      ]);
    });

    it('asks for dateOrder when the file cannot tell, and leaves nothing behind', async () => {
      const s = await source({ kind: 'whatsapp', name: 'Grace', contactId: grace });
      const res = await upload(s.id, fixture('whatsapp-ambiguous.txt'));
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ detail: expect.stringContaining('give dateOrder') });
      expect(await interactions(grace)).toEqual([]);
      const ok = await upload(s.id, fixture('whatsapp-ambiguous.txt'), '?dateOrder=mdy');
      expect(ok.json()).toMatchObject({ captured: 3 });
      expect((await interactions(grace)).map((r) => r.occurredAt.slice(0, 10))).toContain('2024-02-03');
    });

    it('refuses a group chat and a chat it cannot place, naming what to give', async () => {
      const s = await source({ kind: 'whatsapp', name: 'Grace', contactId: grace });
      const group = Buffer.from(
        '13/03/2024, 10:00 - Ada Lovelace: hi all\n13/03/2024, 10:01 - Grace Hopper: hi\n13/03/2024, 10:02 - Alan Turing: hello\n',
      );
      const refused = await upload(s.id, group);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().detail).toMatch(/group chat \(3 people/);
      const strangers = Buffer.from('13/03/2024, 10:00 - Ada: hi\n13/03/2024, 10:01 - G: hi\n');
      const unsure = await upload(s.id, strangers);
      expect(unsure.json().detail).toMatch(/give ownName/);
      await ada.call('PATCH', `/api/v1/sources/${s.id}`, { ownName: 'Ada' });
      expect((await upload(s.id, strangers)).json()).toMatchObject({ captured: 2 });
    });

    it("needs the caller's own contact", async () => {
      const bob = await signUp(t.app, 'bob@example.test', 'Bob');
      const res = await bob.call('POST', '/api/v1/sources', {
        kind: 'whatsapp',
        name: 'x',
        contactId: grace,
      });
      expect(res.statusCode).toBe(404);
    });
  });
});
