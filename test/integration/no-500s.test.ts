import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store';
import { type Caller, signUp, type TestApp, testApp } from '../helpers/app';
import { dialects, freshStore } from '../helpers/stores';

describe.each(dialects)('hostile input is a 4xx, never a 500, on %s', (dialect) => {
  let store: Store;
  let t: TestApp;
  let ada: Caller;
  let contactId: string;

  beforeEach(async () => {
    store = await freshStore(dialect);
    t = await testApp(store);
    ada = await signUp(t.app);
    contactId = (await ada.call('POST', '/api/v1/contacts', { firstName: 'Grace' })).json<{ id: string }>()
      .id;
  });
  afterEach(async () => {
    await t.app.close();
    await store.close();
  });

  it('refuses a NUL byte in the body, the query or a path parameter, naming the field', async () => {
    const cases = [
      ['POST', '/api/v1/contacts', { firstName: 'Gr\u0000ace' }, 'firstName'],
      [
        'POST',
        `/api/v1/contacts/${contactId}/facts`,
        { kind: 'hobby', value: 'x', label: 'a\u0000' },
        'label',
      ],
      ['GET', '/api/v1/contacts?q=gr%00ace', undefined, 'q'],
      ['GET', '/api/v1/contacts/abc%00def', undefined, 'id'],
      ['PATCH', `/api/v1/interactions/x%00`, { summary: 'hi' }, 'id'],
    ] as const;
    for (const [method, url, body, field] of cases) {
      const res = await ada.call(method, url, body);
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors[0].field, url).toBe(field);
    }
    // Nothing was written.
    expect((await ada.call('GET', '/api/v1/contacts')).json().items).toHaveLength(1);
  });

  it('treats an empty PATCH as a no-op', async () => {
    const logged = await ada.call('POST', `/api/v1/contacts/${contactId}/interactions`, {
      channel: 'email',
      direction: 'outbound',
      summary: 'hello',
    });
    expect(logged.statusCode, logged.body).toBe(201);
    const before = await ada.call('GET', '/api/v1/me');
    for (const url of [
      '/api/v1/me/settings',
      `/api/v1/interactions/${logged.json().id}`,
      '/api/v1/digest/settings',
      `/api/v1/contacts/${contactId}`,
    ]) {
      const res = await ada.call('PATCH', url, {});
      expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    }
    expect((await ada.call('GET', '/api/v1/me')).json()).toEqual(before.json());
    const interactions = await ada.call('GET', `/api/v1/contacts/${contactId}/interactions`);
    expect(interactions.json().items[0]).toMatchObject({ summary: 'hello' });
  });

  it('indexes concurrent facts on one contact without a conflict, keeping all of them searchable', async () => {
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        ada.call('POST', `/api/v1/contacts/${contactId}/facts`, { kind: 'hobby', value: `sport${i}xyz` }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(results.map(() => 201));
    for (const i of [0, 7, 15]) {
      const found = (await ada.call('GET', `/api/v1/contacts?q=sport${i}xyz`)).json().items;
      expect(
        found.map((c: { id: string }) => c.id),
        `sport${i}`,
      ).toEqual([contactId]);
    }
  });

  it('answers router errors as problem+json', async () => {
    const badEncoding = await ada.call('GET', '/api/v1/contacts/%E0%A4%A');
    expect(badEncoding.statusCode).toBe(400);
    expect(badEncoding.headers['content-type']).toContain('application/problem+json');
    const long = await ada.call('GET', `/api/v1/contacts/${'a'.repeat(600)}`);
    expect(long.statusCode).toBe(414);
    expect(long.headers['content-type']).toContain('application/problem+json');
    expect(long.json()).toMatchObject({ status: 414 });
  });

  it('answers over-large headers with a 431 problem+json on a real socket', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const res = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const req = httpRequest(
        { port, host: '127.0.0.1', path: '/api/v1/me', headers: { 'x-big': 'a'.repeat(40_000) } },
        (r) => {
          let body = '';
          r.on('data', (c) => (body += c));
          r.on('end', () =>
            resolve({ status: r.statusCode ?? 0, type: r.headers['content-type'] ?? '', body }),
          );
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(res.status).toBe(431);
    expect(res.type).toBe('application/problem+json');
    expect(JSON.parse(res.body)).toMatchObject({ status: 431 });
  });

  it('refuses an upload sent as JSON at once with a 415, before reading the body', async () => {
    const started = Date.now();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      headers: { authorization: `Bearer ${ada.token}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ rows: Array.from({ length: 200_000 }, () => ({})) }),
    });
    expect(res.statusCode).toBe(415);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().detail).toContain('text/csv');
    expect(Date.now() - started).toBeLessThan(1000);
    expect((await ada.call('GET', '/api/v1/imports/x')).statusCode).toBe(404);
  });

  it('marks API responses, the backup export included, no-store', async () => {
    for (const url of [
      '/api/v1/contacts',
      '/api/v1/export/backup.json',
      '/api/v1/nope',
      `/api/v1/contacts/x`,
    ]) {
      const res = await ada.call('GET', url);
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
  });
});
