import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store';
import { type TestApp, testApp } from '../helpers/app';
import { dialects, freshStore } from '../helpers/stores';

describe.each(dialects)('auth hardening on %s', (dialect) => {
  let store: Store;
  let t: TestApp;
  let cookie: string;

  beforeEach(async () => {
    store = await freshStore(dialect);
    t = await testApp(store);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/signup',
      payload: { email: 'ada@example.com', name: 'Ada', password: 'correct horse battery', timeZone: 'UTC' },
    });
    expect(res.statusCode, res.body).toBe(201);
    cookie = res.cookies.find((c) => c.name === 'tend_session')!.value;
  });
  afterEach(async () => {
    await t.app.close();
    await store.close();
  });

  it('checks CSRF on cookie writes even when the path is percent-encoded', async () => {
    for (const url of ['/api/%761/auth/signout', '/api/%761/contacts', '/api/v1/%63ontacts']) {
      const res = await t.app.inject({
        method: 'POST',
        url,
        cookies: { tend_session: cookie },
        payload: { firstName: 'Mallory' },
      });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(401);
      expect(res.json().detail, url).toContain('x-tend-csrf');
    }
    // The session survived: the forged sign-out did nothing.
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', cookies: { tend_session: cookie } });
    expect(me.statusCode, me.body).toBe(200);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/contacts',
      cookies: { tend_session: cookie },
    });
    expect(list.json().items).toEqual([]);
  });
});
