import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { calendarQuery } from '../../src/capture/caldav-query';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { calendar } from '../helpers/ics-server';
import { type Radicale, startRadicale } from '../helpers/radicale';
import { dialects, freshStore, type TestStore } from '../helpers/stores';
import { addContact } from './capture-helpers';

const event = (uid: string, start: string, summary: string, extra: string[] = []) =>
  calendar([
    [
      `UID:${uid}`,
      `DTSTART;TZID=Europe/Berlin:${start}`,
      'DURATION:PT1H',
      `SUMMARY:${summary}`,
      'ORGANIZER:mailto:ada@example.com',
      'ATTENDEE;PARTSTAT=ACCEPTED:mailto:grace@navy.example',
      ...extra,
    ],
  ]);

describe.each(dialects)('a CalDAV collection (Radicale) as a calendar source on %s', (dialect) => {
  let radicale: Radicale;
  let collection: string;
  let store: TestStore;
  let t: TestApp;
  let ada: Caller;
  let grace: string;

  beforeAll(async () => {
    radicale = await startRadicale();
    collection = await radicale.mkcalendar(`work-${dialect}`);
    await radicale.put(
      collection,
      'weekly.ics',
      event('weekly@r', '20260305T100000', '1:1', ['RRULE:FREQ=WEEKLY;COUNT=3']),
    );
    await radicale.put(collection, 'tomorrow.ics', event('tomorrow@r', '20260321T090000', 'Planning'));
  }, 30_000);
  afterAll(async () => {
    await radicale?.stop();
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

  it('reads the collection with the user and app password, expanding its recurring event', async () => {
    const res = await ada.call('POST', '/api/v1/sources', {
      kind: 'ics',
      name: 'Radicale',
      url: collection,
      user: radicale.user,
      password: radicale.password,
    });
    expect(res.statusCode, res.body).toBe(201);
    const run = await ada.call('POST', `/api/v1/sources/${res.json().id}/sync`);
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json()).toMatchObject({ seen: 4, captured: 3, skipped: { upcoming: 1 }, failed: 0 });
    const items = (await ada.call('GET', `/api/v1/contacts/${grace}/interactions`)).json().items;
    expect(items.map((i: { occurredAt: string; direction: string }) => [i.occurredAt, i.direction])).toEqual([
      ['2026-03-19T09:00:00.000Z', 'outbound'],
      ['2026-03-12T09:00:00.000Z', 'outbound'],
      ['2026-03-05T09:00:00.000Z', 'outbound'],
    ]);
    const today = (await ada.call('GET', '/api/v1/today'))
      .json()
      .items.find((i: { contactId: string }) => i.contactId === grace);
    expect(today.reasons).toContainEqual(
      expect.objectContaining({ kind: 'meeting', text: 'Meeting tomorrow at 08:00 — read the brief' }),
    );

    const wrong = await ada.call('POST', '/api/v1/sources', {
      kind: 'ics',
      name: 'Radicale, wrong password',
      url: collection,
      user: radicale.user,
      password: 'wrong',
    });
    const failed = await ada.call('POST', `/api/v1/sources/${wrong.json().id}/sync`);
    expect(failed.statusCode).toBe(502);
    expect(failed.json().detail).toMatch(/^authentication failed: the server says 401/);
  });

  /**
   * A CalDAV server that, like iCloud or Fastmail, does not answer GET on the collection: GET gets
   * `getAnswer`, any other method is passed on to Radicale as it came.
   */
  const reportOnly = async (getAnswer: { status: number; type: string; body: string }) => {
    const methods: string[] = [];
    const server: Server = createServer((req, res) => {
      methods.push(req.method ?? '');
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', async () => {
        if (req.method === 'GET') {
          res.writeHead(getAnswer.status, { 'content-type': getAnswer.type }).end(getAnswer.body);
          return;
        }
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(req.headers))
          if (typeof v === 'string' && k !== 'host') headers[k] = v;
        const upstream = await fetch(new URL(req.url ?? '/', radicale.url), {
          method: req.method,
          headers,
          body: Buffer.concat(chunks),
        });
        res
          .writeHead(upstream.status, {
            'content-type': upstream.headers.get('content-type') ?? 'text/plain',
          })
          .end(Buffer.from(await upstream.arrayBuffer()));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo; // listen() on a host and port gives an AddressInfo
    return { url: new URL(new URL(collection).pathname, `http://127.0.0.1:${port}`).href, methods, server };
  };

  it.each([
    ['a 405', { status: 405, type: 'text/plain', body: 'Method Not Allowed' }],
    ['an HTML page', { status: 200, type: 'text/html', body: '<html><body>CalDAV</body></html>' }],
  ])('reads a collection whose GET gives %s by a calendar-query REPORT, as GET would', async (_, answer) => {
    const dav = await reportOnly(answer);
    try {
      const res = await ada.call('POST', '/api/v1/sources', {
        kind: 'ics',
        name: 'Report only',
        url: dav.url,
        user: radicale.user,
        password: radicale.password,
      });
      const run = await ada.call('POST', `/api/v1/sources/${res.json().id}/sync`);
      expect(run.statusCode, run.body).toBe(200);
      expect(run.json()).toMatchObject({ seen: 4, captured: 3, skipped: { upcoming: 1 }, failed: 0 });
      expect(dav.methods).toEqual(['GET', 'REPORT']);
      const items = (await ada.call('GET', `/api/v1/contacts/${grace}/interactions`)).json().items;
      expect(items.map((i: { occurredAt: string }) => i.occurredAt)).toEqual([
        '2026-03-19T09:00:00.000Z',
        '2026-03-12T09:00:00.000Z',
        '2026-03-05T09:00:00.000Z',
      ]);

      const wrong = await ada.call('POST', '/api/v1/sources', {
        kind: 'ics',
        name: 'Report only, wrong password',
        url: dav.url,
        user: radicale.user,
        password: 'wrong',
      });
      const failed = await ada.call('POST', `/api/v1/sources/${wrong.json().id}/sync`);
      expect(failed.statusCode).toBe(502);
      expect(failed.json().detail).toMatch(/^authentication failed: the server says 401/);
    } finally {
      await new Promise((r) => dav.server.close(r));
    }
  });

  it('asks Radicale by REPORT for the events of the range only', async () => {
    const old = await radicale.mkcalendar(`old-${dialect}`);
    await radicale.put(old, 'long-ago.ics', event('long-ago@r', '20200105T100000', 'Long ago'));
    await radicale.put(old, 'recent.ics', event('recent@r', '20260310T100000', 'Recent'));
    const auth = `Basic ${Buffer.from(`${radicale.user}:${radicale.password}`).toString('base64')}`;
    const range = { from: Date.parse('2024-03-20T00:00:00Z'), to: Date.parse('2026-03-21T21:00:00Z') };
    const text = await calendarQuery(
      new URL(old),
      { authorization: auth },
      range,
      { privateNetworks: true },
      AbortSignal.timeout(10_000),
    );
    expect(text).toContain('UID:recent@r');
    expect(text).not.toContain('long-ago@r');
    expect(text.match(/BEGIN:VCALENDAR/g)).toHaveLength(1);
  });

  it('keeps the GET answer as the error when the address takes no REPORT either', async () => {
    const plain = createServer((_req, res) => res.writeHead(405).end());
    await new Promise<void>((r) => plain.listen(0, '127.0.0.1', r));
    const { port } = plain.address() as AddressInfo; // listen() on a host and port gives an AddressInfo
    try {
      const res = await ada.call('POST', '/api/v1/sources', {
        kind: 'ics',
        name: 'Plain',
        url: `http://127.0.0.1:${port}/cal`,
      });
      const failed = await ada.call('POST', `/api/v1/sources/${res.json().id}/sync`);
      expect(failed.statusCode).toBe(502);
      expect(failed.json().detail).toMatch(/^the calendar could not be read: the server says 405/);
    } finally {
      await new Promise((r) => plain.close(r));
    }
  });
});
