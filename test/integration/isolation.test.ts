import type { FastifyInstance, HTTPMethods } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { type Caller, fixedClock, signUp } from '../helpers/app';
import { dialects, freshStore, type TestStore } from '../helpers/stores';

type Kind =
  | 'contact'
  | 'interaction'
  | 'note'
  | 'fact'
  | 'date'
  | 'lifeEvent'
  | 'task'
  | 'circle'
  | 'segment'
  | 'token'
  | 'feedToken'
  | 'resource'
  | 'ledgerEntry'
  | 'introduction'
  | 'update'
  | 'outbox'
  | 'catchUp'
  | 'trip'
  | 'import'
  | 'relationship'
  | 'source'
  | 'session'
  | 'subscription'
  | 'carddavConflict';

/** Which kind of id `:id` stands for, by the first path segment under /api/v1. A new prefix must be added here. */
const ID_KIND: Record<string, Kind> = {
  contacts: 'contact',
  today: 'contact',
  interactions: 'interaction',
  notes: 'note',
  facts: 'fact',
  dates: 'date',
  'life-events': 'lifeEvent',
  tasks: 'task',
  circles: 'circle',
  segments: 'segment',
  tokens: 'token',
  'feed-tokens': 'feedToken',
  resources: 'resource',
  ledger: 'ledgerEntry',
  introductions: 'introduction',
  updates: 'update',
  outbox: 'outbox',
  'catch-ups': 'catchUp',
  trips: 'trip',
  imports: 'import',
  relationships: 'relationship',
  sources: 'source',
  // /me/sessions/:id: a signed-in browser session of the account.
  me: 'session',
  'carddav-subscriptions': 'subscription',
  'carddav-conflicts': 'carddavConflict',
};

/** A valid body for every write route with an id, so the answer is about the id, not a 400. */
const BODIES: Record<string, object> = {
  'PATCH /api/v1/contacts/:id': { firstName: 'Mallory' },
  'POST /api/v1/contacts/:id/interactions': { channel: 'email', direction: 'outbound', summary: 'hi' },
  'PATCH /api/v1/interactions/:id': { summary: 'changed' },
  'POST /api/v1/contacts/:id/notes': { body: 'planted' },
  'PATCH /api/v1/notes/:id': { body: 'changed', pinned: false },
  'POST /api/v1/contacts/:id/facts': { kind: 'hobby', value: 'planted' },
  'PATCH /api/v1/facts/:id': { value: 'changed' },
  'POST /api/v1/contacts/:id/dates': { kind: 'birthday', month: 1, day: 1 },
  'PATCH /api/v1/dates/:id': { day: 2 },
  'POST /api/v1/contacts/:id/life-events': { kind: 'award', title: 'planted', occurredOn: '2026-01-01' },
  'PATCH /api/v1/life-events/:id': { title: 'changed' },
  'PATCH /api/v1/tasks/:id': { done: true },
  'PATCH /api/v1/circles/:id': { name: 'changed', cadence: { kind: 'monthly' } },
  'POST /api/v1/today/:id/done': {},
  'POST /api/v1/today/:id/snooze': { until: '2026-04-01' },
  'POST /api/v1/today/:id/skip': {},
  'POST /api/v1/feed-tokens/:id/rotate': {},
  'PATCH /api/v1/resources/:id': { title: 'changed' },
  'POST /api/v1/resources/:id/share': { contactId: 'x', channel: 'email' },
  'POST /api/v1/contacts/:id/drafts': { occasion: 'birthday' },
  'POST /api/v1/contacts/:id/ledger': { kind: 'favour_asked' },
  'POST /api/v1/introductions/:id/advance': { action: 'asked_a' },
  'POST /api/v1/updates/:id/send': { mode: 'smtp' },
  'POST /api/v1/outbox/:id/retry': {},
  'POST /api/v1/contacts/:id/catch-ups': { format: 'walk', startAt: '2026-03-11T13:00:00Z' },
  'POST /api/v1/catch-ups/:id/done': { summary: 'planted' },
  'POST /api/v1/catch-ups/:id/cancel': {},
  'PATCH /api/v1/trips/:id': { name: 'changed' },
  'POST /api/v1/imports/:id/commit': {},
  'PUT /api/v1/imports/:id/mapping': { fields: ['fullName', 'email'] },
  'POST /api/v1/contacts/:id/relationships': {
    kind: 'knows',
    otherId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  },
  'PATCH /api/v1/relationships/:id': { note: 'changed' },
  'POST /api/v1/sources/:id/sync': {},
  'PATCH /api/v1/carddav-subscriptions/:id': { name: 'changed' },
  'POST /api/v1/carddav-subscriptions/:id/run': {},
  'POST /api/v1/carddav-conflicts/:id/resolve': { kind: 'match', action: 'ignore' },
  'PATCH /api/v1/sources/:id': { storeBodies: true },
};

/** Routes whose body is a file, not JSON: sent with their own content type. */
const RAW_BODIES: Record<string, { type: string; body: string | Buffer }> = {
  // A real 1×1 PNG: the answer must be about the id, not the image.
  'PUT /api/v1/contacts/:id/photo': {
    type: 'image/png',
    body: Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    ),
  },
  'POST /api/v1/sources/:id/upload': {
    type: 'application/mbox',
    body: 'From x@y Thu Jan  1 00:00:00 2026\nFrom: x@y.example\nSubject: hi\n\nbody\n',
  },
};

const SECRET = 'Zanzibarquux';

interface Route {
  method: string;
  url: string;
}

describe.each(dialects)('account isolation on %s', (dialect) => {
  let store: TestStore;
  let app: FastifyInstance;
  let routes: Route[];
  let a: Caller;
  let b: Caller;

  beforeEach(async () => {
    store = await freshStore(dialect);
    routes = [];
    app = await buildApp(
      { store, clock: fixedClock(), newId: uuidv7 },
      {
        signupOpen: true,
        onRoute: (r) => {
          for (const method of ([] as HTTPMethods[]).concat(r.method)) routes.push({ method, url: r.url });
        },
      },
    );
    a = await signUp(app, 'a@example.com', 'A');
    b = await signUp(app, 'b@example.com', 'B');
  });
  afterEach(async () => {
    await app.close();
    await store.close();
  });

  async function createEverything(): Promise<Record<Kind, string>> {
    const made = async (method: 'POST', url: string, body: object) => {
      const res = await a.call(method, url, body);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(201);
      return res.json<{ id: string }>().id;
    };
    const circle = await made('POST', '/api/v1/circles', { name: `${SECRET} circle`, kind: 'peer' });
    const contact = await made('POST', '/api/v1/contacts', {
      firstName: SECRET,
      lastName: 'Alpha',
      circleId: circle,
      tags: [`${SECRET}-tag`],
      emails: [{ value: 'zanzibar@a.example' }],
    });
    const c = `/api/v1/contacts/${contact}`;
    // A has a photo, so B's 404 on it is about the account, not about there being none.
    const photo = RAW_BODIES['PUT /api/v1/contacts/:id/photo']!;
    const put = await app.inject({
      method: 'PUT',
      url: `${c}/photo`,
      headers: { authorization: `Bearer ${a.token}`, 'content-type': photo.type },
      payload: photo.body,
    });
    expect(put.statusCode, put.body).toBe(200);
    const other = await made('POST', '/api/v1/contacts', { firstName: `${SECRET}B` });
    const segment = await made('POST', '/api/v1/segments', {
      name: `${SECRET} segment`,
      filter: { q: SECRET },
    });
    // A sent update puts a message in A's outbox; it goes to its own contact, so A's main timeline stays as is.
    await made('POST', '/api/v1/contacts', { firstName: `${SECRET}C`, emails: [{ value: 'c@a.example' }] });
    const sentUpdate = await made('POST', '/api/v1/updates', {
      subject: `${SECRET} news`,
      body: 'Hi {{firstName}}',
      filter: { q: `${SECRET}C` },
    });
    const sent = await a.call('POST', `/api/v1/updates/${sentUpdate}/send`, { mode: 'smtp' });
    expect(sent.statusCode, sent.body).toBe(200);
    return {
      circle,
      contact,
      interaction: await made('POST', `${c}/interactions`, {
        channel: 'call',
        direction: 'outbound',
        summary: `${SECRET} call`,
        awaitingReply: true,
      }),
      note: await made('POST', `${c}/notes`, { body: `${SECRET} note` }),
      fact: await made('POST', `${c}/facts`, { kind: 'hobby', value: `${SECRET} fact` }),
      date: await made('POST', `${c}/dates`, { kind: 'birthday', month: 3, day: 12 }),
      lifeEvent: await made('POST', `${c}/life-events`, {
        kind: 'promotion',
        title: `${SECRET} promoted`,
        occurredOn: '2026-03-01',
      }),
      task: await made('POST', '/api/v1/tasks', { title: `${SECRET} task`, contactId: contact }),
      segment,
      token: await made('POST', '/api/v1/tokens', { name: `${SECRET} token` }),
      feedToken: await made('POST', '/api/v1/feed-tokens', {}),
      resource: await made('POST', '/api/v1/resources', {
        kind: 'article',
        title: `${SECRET} resource`,
        tags: [SECRET],
      }),
      ledgerEntry: (
        await a.call('POST', `${c}/ledger`, { kind: 'help_given', note: `${SECRET} help` })
      ).json<{ entry: { id: string } }>().entry.id,
      introduction: await made('POST', '/api/v1/introductions', {
        aContactId: contact,
        bContactId: other,
        reason: `${SECRET} reason`,
      }),
      catchUp: await made('POST', `${c}/catch-ups`, {
        format: 'walk',
        startAt: '2026-03-11T13:00:00Z',
        note: `${SECRET} catch-up`,
      }),
      import: (
        await app.inject({
          method: 'POST',
          url: '/api/v1/imports?fileName=secret.csv',
          headers: { authorization: `Bearer ${a.token}`, 'content-type': 'text/csv' },
          payload: `First Name,Last Name,URL,Connected On\n${SECRET},Imported,,12 Mar 2024\n`,
        })
      ).json<{ id: string }>().id,
      trip: await made('POST', '/api/v1/trips', {
        name: `${SECRET} trip`,
        city: 'Lisbon',
        startsOn: '2026-03-12',
        endsOn: '2026-03-14',
      }),
      update: await made('POST', '/api/v1/updates', {
        subject: `${SECRET} update`,
        body: 'Hi {{firstName}}',
        segmentId: segment,
      }),
      outbox: sent.json<{ recipients: { outboxId: string }[] }>().recipients[0]!.outboxId,
      relationship: await made('POST', `${c}/relationships`, { kind: 'knows', otherId: other }),
      source: await made('POST', '/api/v1/sources', { kind: 'mbox', name: `${SECRET} mbox` }),
      // The session the sign-up helper opened for A.
      session: (await a.call('GET', '/api/v1/me/sessions')).json<{ items: { id: string }[] }>().items[0]!.id,
      ...(await carddavRows(contact)),
    };
  }

  /** A subscription needs a reachable CardDAV server to be created; its rows are written directly. */
  async function carddavRows(contact: string) {
    const subscription = uuidv7();
    const carddavConflict = uuidv7();
    await store.db
      .insertInto('carddav_subscriptions')
      .values({
        account_id: a.accountId,
        id: subscription,
        name: `${SECRET} book`,
        url: 'http://127.0.0.1:9/a/contacts/',
        username: 'a',
        secret: 'sealed',
        created_at: '2026-03-10T09:00:00.000Z',
      })
      .execute();
    await store.db
      .insertInto('carddav_conflicts')
      .values({
        account_id: a.accountId,
        id: carddavConflict,
        subscription_id: subscription,
        href: '/a/contacts/z.vcf',
        kind: 'match',
        contact_id: contact,
        detail: JSON.stringify({ reason: `${SECRET} reason`, fields: [] }),
        etag: '"1"',
        body: `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${SECRET} Card\r\nN:Card;${SECRET};;;\r\nEND:VCARD\r\n`,
        created_at: '2026-03-10T09:00:00.000Z',
      })
      .execute();
    return { subscription, carddavConflict };
  }

  it("answers 404 on every route with another account's id, and leaks nothing", async () => {
    const ids = await createEverything();
    const leaks = (body: string) =>
      [SECRET.toLowerCase(), ...Object.values(ids)].filter((s) => body.toLowerCase().includes(s));
    const api = routes.filter(
      (r) => r.url.startsWith('/api/v1/') && r.method !== 'HEAD' && r.method !== 'OPTIONS',
    );
    const withId = api.filter((r) => r.url.includes(':'));
    expect(withId.length).toBeGreaterThanOrEqual(30);
    const unknown: string[] = [];
    for (const route of withId) {
      const key = `${route.method} ${route.url}`;
      const prefix = route.url.split('/')[3] ?? '';
      const kind = ID_KIND[prefix];
      const params = route.url.match(/:\w+/g) ?? [];
      if (params.join() === ':address') {
        // A capture suggestion is named by its address: B has none, whatever A has.
        const res = await b.call('POST', route.url.replace(':address', 'zanzibar%40a.example'), {});
        expect(res.statusCode, `${key}: ${res.body}`).toBe(404);
        continue;
      }
      const raw = RAW_BODIES[key];
      if (kind && raw) {
        const res = await app.inject({
          method: route.method === 'PUT' ? 'PUT' : 'POST',
          url: route.url.replace(':id', ids[kind]),
          headers: { authorization: `Bearer ${b.token}`, 'content-type': raw.type },
          payload: raw.body,
        });
        expect(res.statusCode, `${key}: ${res.body}`).toBe(404);
        expect(leaks(res.body), key).toEqual([]);
        continue;
      }
      const needsBody = ['POST', 'PATCH', 'PUT'].includes(route.method);
      if (!kind || params.join() !== ':id' || (needsBody && !(key in BODIES))) {
        unknown.push(key);
        continue;
      }
      const res = await b.call(
        route.method as 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
        route.url.replace(':id', ids[kind]),
        needsBody ? BODIES[key] : undefined,
      );
      expect(res.statusCode, `${key}: ${res.body}`).toBe(404);
      expect(leaks(res.body), key).toEqual([]);
    }
    expect(unknown, 'routes this test does not know how to fill: add them to ID_KIND / BODIES').toEqual([]);

    // B's lists (every GET without an id) never show A's rows.
    const lists = api.filter((r) => r.method === 'GET' && !r.url.includes(':'));
    expect(lists.map((r) => r.url)).toEqual(expect.arrayContaining(['/api/v1/contacts', '/api/v1/tasks']));
    for (const route of lists) {
      const res = await b.call('GET', route.url);
      expect(res.statusCode, `${route.url}: ${res.body}`).toBe(200);
      expect(leaks(res.body), route.url).toEqual([]);
    }
    for (const url of [
      `/api/v1/tasks?contactId=${ids.contact}`,
      `/api/v1/contacts?q=${SECRET}`,
      `/api/v1/contacts?circleId=${ids.circle}`,
    ]) {
      const res = await b.call('GET', url);
      expect(res.json().items, url).toEqual([]);
    }
    // B cannot attach its own rows to A's contact or circle either.
    expect((await b.call('POST', '/api/v1/tasks', { title: 't', contactId: ids.contact })).statusCode).toBe(
      400,
    );
    expect(
      (await b.call('POST', '/api/v1/contacts', { firstName: 'x', circleId: ids.circle })).statusCode,
    ).toBe(400);

    // Ids in request BODIES (and filters) are checked against the caller's account too.
    const own = async (url: string, body: object) => {
      const res = await b.call('POST', url, body);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(201);
      return res.json<{ id: string }>().id;
    };
    const bContact = await own('/api/v1/contacts', {
      firstName: 'Bob',
      emails: [{ value: 'bob@b.example' }],
    });
    const bResource = await own('/api/v1/resources', { kind: 'article', title: 'B read', tags: ['x'] });
    const bodyCases: [string, 'POST' | 'PATCH', string, object, number, string][] = [
      ['patch circleId', 'PATCH', `/api/v1/contacts/${bContact}`, { circleId: ids.circle }, 400, 'circleId'],
      [
        'introduction aContactId',
        'POST',
        '/api/v1/introductions',
        { aContactId: ids.contact, bContactId: bContact, reason: 'r' },
        404,
        'aContactId',
      ],
      [
        'introduction bContactId',
        'POST',
        '/api/v1/introductions',
        { aContactId: bContact, bContactId: ids.contact, reason: 'r' },
        404,
        'bContactId',
      ],
      [
        'update segmentId',
        'POST',
        '/api/v1/updates',
        { subject: 's', body: 'Hi {{firstName}}', segmentId: ids.segment },
        400,
        'segmentId',
      ],
      [
        'share contactId',
        'POST',
        `/api/v1/resources/${bResource}/share`,
        { contactId: ids.contact, channel: 'email' },
        400,
        'contactId',
      ],
      [
        'draft resourceId',
        'POST',
        `/api/v1/contacts/${bContact}/drafts`,
        { occasion: 'share_resource', resourceId: ids.resource },
        400,
        'resourceId',
      ],
      [
        'lint contactId',
        'POST',
        '/api/v1/drafts/lint',
        { body: 'Just checking in', channel: 'email', contactId: ids.contact },
        400,
        'contactId',
      ],
    ];
    for (const [name, method, url, body, status, field] of bodyCases) {
      const res = await b.call(method, url, body);
      expect(res.statusCode, `${name}: ${res.body}`).toBe(status);
      expect(res.json().errors, name).toMatchObject([{ field }]);
      expect(leaks(res.body), name).toEqual([]);
    }
    // A's ids in B's filters match nothing.
    for (const url of [`/api/v1/catch-ups?contactId=${ids.contact}`, `/api/v1/contacts?tag=${SECRET}-tag`]) {
      const res = await b.call('GET', url);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
      expect(res.json().items, url).toEqual([]);
    }
    const seg = await own('/api/v1/segments', { name: 'theirs', filter: { circleId: ids.circle } });
    const preview = await b.call('GET', `/api/v1/segments/${seg}/contacts`);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().items).toEqual([]);
    expect(leaks(preview.body)).toEqual([]);
    expect((await b.call('GET', '/api/v1/introductions')).json().items).toEqual([]);
    expect((await b.call('GET', '/api/v1/updates')).json().items).toEqual([]);

    // And nothing of A's changed.
    const c = `/api/v1/contacts/${ids.contact}`;
    const contact = (await a.call('GET', c)).json();
    expect(contact).toMatchObject({ firstName: SECRET, circleId: ids.circle });
    expect((await a.call('GET', `${c}/timeline`)).json().items).toHaveLength(3);
    expect((await a.call('GET', `${c}/notes`)).json().items).toMatchObject([{ body: `${SECRET} note` }]);
    expect((await a.call('GET', `${c}/facts`)).json().items).toMatchObject([{ value: `${SECRET} fact` }]);
    expect((await a.call('GET', `${c}/dates`)).json().items).toMatchObject([{ day: 12 }]);
    const tasks = (await a.call('GET', '/api/v1/tasks')).json().items;
    expect(tasks.find((x: { id: string }) => x.id === ids.task)).toMatchObject({ done: false });
    expect(tasks.every((x: { done: boolean }) => !x.done)).toBe(true);
    expect((await a.call('GET', '/api/v1/segments')).json().items).toHaveLength(1);
    const circles = (await a.call('GET', '/api/v1/circles')).json().items;
    expect(circles.find((x: { id: string }) => x.id === ids.circle)).toMatchObject({
      name: `${SECRET} circle`,
    });
    expect((await a.call('GET', '/api/v1/tokens')).json().items).toHaveLength(2);
    expect((await a.call('GET', `/api/v1/catch-ups/${ids.catchUp}`)).json()).toMatchObject({
      status: 'planned',
      interactionId: null,
    });
    expect((await a.call('GET', `/api/v1/trips/${ids.trip}`)).json()).toMatchObject({
      name: `${SECRET} trip`,
    });
    expect((await a.call('GET', `/api/v1/updates/${ids.update}`)).json()).toMatchObject({ sentAt: null });
    expect((await a.call('GET', '/api/v1/outbox')).json().items).toMatchObject([
      { status: 'pending', attempts: 0 },
    ]);
  });
});
