import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { fixedClock, type TestApp, testApp } from '../helpers/app';
import { dialects, freshStore, type TestStore } from '../helpers/stores';

describe.each(dialects)('auth hardening on %s', (dialect) => {
  let store: TestStore;
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

describe.each(dialects)('session cookie on %s', (dialect) => {
  const signUpCookie = async (secureCookies: boolean | undefined) => {
    const store = await freshStore(dialect);
    const app = await buildApp(
      { store, clock: fixedClock(), newId: uuidv7 },
      { signupOpen: true, ...(secureCookies !== undefined && { secureCookies }) },
    );
    try {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/signup',
        payload: {
          email: 'ada@example.com',
          name: 'Ada',
          password: 'correct horse battery',
          timeZone: 'UTC',
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.cookies.find((c) => c.name === 'tend_session')!;
    } finally {
      await app.close();
      await store.close();
    }
  };

  it('is HttpOnly and SameSite=Lax, and Secure behind an https public URL even over plain http', async () => {
    const behindTls = await signUpCookie(true);
    expect(behindTls).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true, path: '/' });
    // Plain http on localhost (the default) keeps working without the flag.
    const local = await signUpCookie(undefined);
    expect(local).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(local.secure).toBeFalsy();
  });
});

describe.each(dialects)('first sign-up on %s', (dialect) => {
  it('lets exactly one of several simultaneous sign-ups through on a closed server', async () => {
    const store = await freshStore(dialect);
    const t = await testApp(store, { signupOpen: false });
    try {
      const results = await Promise.all(
        ['a', 'b', 'c', 'd'].map((who) =>
          t.app.inject({
            method: 'POST',
            url: '/api/v1/auth/signup',
            payload: {
              email: `${who}@example.com`,
              name: who,
              password: 'correct horse battery',
              timeZone: 'UTC',
            },
          }),
        ),
      );
      const codes = results.map((r) => r.statusCode).sort();
      expect(codes.filter((c) => c === 201)).toHaveLength(1);
      expect(codes.filter((c) => c !== 201).every((c) => c === 403 || c === 409)).toBe(true);
      const users = await store.db.selectFrom('users').select('email').execute();
      expect(users).toHaveLength(1);
    } finally {
      await t.app.close();
      await store.close();
    }
  });
});
