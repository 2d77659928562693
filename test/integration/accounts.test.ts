import { verify } from '@node-rs/argon2';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { DUMMY_HASH, localOwner } from '../../src/services/auth.service';
import { type TestApp, testApp } from '../helpers/app';
import { dialects, freshStore, type TestStore } from '../helpers/stores';

const PASSWORD = 'correct horse battery';
const ADA = { email: 'ada@example.com', name: 'Ada Lovelace', password: PASSWORD, timeZone: 'UTC' };

const post = (app: FastifyInstance, url: string, payload: object, cookie?: string) =>
  app.inject({
    method: 'POST',
    url,
    payload,
    ...(cookie && { cookies: { tend_session: cookie }, headers: { 'x-tend-csrf': '1' } }),
  });
const sessionOf = (res: LightMyRequestResponse) => res.cookies.find((c) => c.name === 'tend_session')?.value;

describe.each(dialects)('accounts on %s', (dialect) => {
  let store: TestStore;
  let t: TestApp;
  let ada: string;

  beforeEach(async () => {
    store = await freshStore(dialect);
    t = await testApp(store, { signupOpen: true });
    const res = await post(t.app, '/api/v1/auth/signup', ADA);
    expect(res.statusCode, res.body).toBe(201);
    ada = sessionOf(res)!;
  });
  afterEach(async () => {
    await t.app.close();
    await store.close();
  });

  const signIn = (email: string, password: string, userAgent = 'test-agent', remoteAddress = '127.0.0.1') =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/signin',
      payload: { email, password },
      headers: { 'user-agent': userAgent },
      remoteAddress,
    });

  it('refuses weak passwords at sign-up, naming the field and why', async () => {
    const cases: [string, RegExp][] = [
      ['1234567890', /hundred most used/],
      ['password12', /commonly used/],
      [' '.repeat(10), /not only spaces/],
      ['\0'.repeat(10), /not only spaces|NUL/],
      ['grace@example.com', /e-mail address/],
    ];
    for (const [password, why] of cases) {
      const res = await post(t.app, '/api/v1/auth/signup', {
        ...ADA,
        email: 'grace@example.com',
        name: 'Grace',
        password,
      });
      expect(res.statusCode, JSON.stringify(password)).toBe(400);
      const problem = res.json();
      expect(problem.errors?.[0]?.field ?? 'password', JSON.stringify(password)).toBe('password');
      expect(problem.detail, JSON.stringify(password)).toMatch(why);
    }
    expect(await store.db.selectFrom('users').select('email').execute()).toHaveLength(1);
  });

  it('answers a sign-up for a taken e-mail exactly like one for a free e-mail, and changes nothing', async () => {
    const signUp = (email: string) =>
      post(t.app, '/api/v1/auth/signup', {
        ...ADA,
        email,
        name: 'Mallory',
        password: 'another quite long phrase',
      });
    // Warm-up, so the first measured request does not pay for loading code.
    await signUp('warm@example.com');
    const taken: LightMyRequestResponse[] = [];
    const free: LightMyRequestResponse[] = [];
    const ms = { taken: [] as number[], free: [] as number[] };
    for (let i = 0; i < 5; i++) {
      let at = performance.now();
      taken.push(await signUp('ADA@example.com'));
      ms.taken.push(performance.now() - at);
      at = performance.now();
      free.push(await signUp(`new${i}@example.com`));
      ms.free.push(performance.now() - at);
    }
    for (const [a, b] of taken.map((r, i) => [r, free[i]!] as const)) {
      expect(a.statusCode).toBe(202);
      expect(b.statusCode).toBe(202);
      expect(a.body).toBe(b.body);
      const names = (r: LightMyRequestResponse) => Object.keys(r.headers).sort();
      expect(names(a)).toEqual(names(b));
      // Apart from the date and the caller's own per-address rate-limit count, the headers are equal.
      const own = (r: LightMyRequestResponse) => {
        const { date: _d, 'x-ratelimit-remaining': _r, 'x-ratelimit-reset': _s, ...rest } = r.headers;
        return rest;
      };
      expect(own(a)).toEqual(own(b));
      expect(a.headers['set-cookie']).toBeUndefined();
    }
    // Both hash the password. A taken e-mail that skipped the hash would answer in about a
    // hundredth of the time; the bounds are wide because the test machine is shared and noisy.
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[2]!;
    const ratio = median(ms.taken) / median(ms.free);
    expect(ratio, JSON.stringify(ms)).toBeGreaterThan(0.25);
    expect(ratio, JSON.stringify(ms)).toBeLessThan(4);
    // Ada's password is untouched, Mallory's does not open her account; the free e-mails work.
    expect((await signIn('ada@example.com', PASSWORD)).statusCode).toBe(200);
    expect((await signIn('ada@example.com', 'another quite long phrase')).statusCode).toBe(401);
    expect((await signIn('new0@example.com', 'another quite long phrase')).statusCode).toBe(200);
    expect(await store.db.selectFrom('users').select('email').execute()).toHaveLength(7);
  });

  it('backs off per account after five failures, the same for unknown e-mails, and resets on success', async () => {
    const run = async (email: string) => {
      const answers: { status: number; body: string; retryAfter: unknown }[] = [];
      for (let i = 0; i < 6; i++) {
        const r = await signIn(email, 'wrong password');
        answers.push({ status: r.statusCode, body: r.body, retryAfter: r.headers['retry-after'] });
      }
      return answers;
    };
    const known = await run('ada@example.com');
    const unknown = await run('nobody@example.com');
    expect(known.map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 429]);
    expect(unknown).toEqual(known);
    expect(known[5]!.retryAfter).toBe('1');
    expect(JSON.parse(known[5]!.body)).toMatchObject({ status: 429, title: 'Too many requests' });
    // While it waits, even the right password is not checked.
    expect((await signIn('ada@example.com', PASSWORD)).statusCode).toBe(429);
    // One second later one more try; a failure doubles the wait.
    t.deps.clock.set('2026-03-10T09:00:01.000Z');
    expect((await signIn('ada@example.com', 'wrong password')).statusCode).toBe(401);
    const waiting = await signIn('ada@example.com', PASSWORD);
    expect(waiting.statusCode).toBe(429);
    expect(waiting.headers['retry-after']).toBe('2');
    t.deps.clock.set('2026-03-10T09:00:03.000Z');
    expect((await signIn('ada@example.com', PASSWORD)).statusCode).toBe(200);
    // A success starts over: five free mistakes again (from another address: this one has used up
    // its 20 a minute, and the per-account count does not care where attempts come from).
    const elsewhere = (password: string) => signIn('ada@example.com', password, 'test-agent', '192.0.2.9');
    for (let i = 0; i < 4; i++) expect((await elsewhere('wrong password')).statusCode).toBe(401);
    // A second instance on the same database sees the same count (several app servers, one PostgreSQL).
    const second = await buildApp(t.deps, { signupOpen: true });
    try {
      expect((await elsewhere('wrong password')).statusCode).toBe(401);
      const res = await second.inject({
        method: 'POST',
        url: '/api/v1/auth/signin',
        payload: { email: 'ada@example.com', password: PASSWORD },
      });
      expect(res.statusCode).toBe(429);
    } finally {
      await second.close();
    }
  });

  it('verifies against a real argon2id hash for unknown e-mails, so they cost as much as known ones', async () => {
    await expect(verify(DUMMY_HASH, 'anything at all')).resolves.toBe(false);
    const time = async (email: string) => {
      const at = performance.now();
      await signIn(email, 'wrong password');
      return performance.now() - at;
    };
    await time('warm@example.com');
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      known.push(await time('ada@example.com'));
      unknown.push(await time(`nobody${i}@example.com`));
    }
    // Skipping the hash for an unknown e-mail would make it ~100× faster; noise stays within 4×.
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[2]!;
    expect(median(unknown), JSON.stringify({ known, unknown })).toBeGreaterThan(median(known) * 0.25);
  });

  it('changes the password: current one required, new one checked, other sessions signed out, tokens kept', async () => {
    const phone = sessionOf(await signIn('ada@example.com', PASSWORD, 'phone'))!;
    const token = (await post(t.app, '/api/v1/tokens', { name: 'cli', scopes: ['read'] }, ada)).json().token;
    const change = (body: object) => post(t.app, '/api/v1/me/password', body, ada);

    const wrong = await change({ currentPassword: 'not it at all', newPassword: 'kettle marble ostrich' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([
      { field: 'currentPassword', message: 'is not your current password' },
    ]);
    const weak = await change({ currentPassword: PASSWORD, newPassword: 'adalovelace1' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0]).toMatchObject({
      field: 'newPassword',
      message: expect.stringMatching(/too weak/),
    });
    // A read token cannot change it (admin work).
    const viaToken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: { authorization: `Bearer ${token}` },
      payload: { currentPassword: PASSWORD, newPassword: 'kettle marble ostrich' },
    });
    expect(viaToken.statusCode).toBe(403);

    const ok = await change({ currentPassword: PASSWORD, newPassword: 'kettle marble ostrich' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ signedOutSessions: 1 });
    const me = (cookie: string) =>
      t.app.inject({ method: 'GET', url: '/api/v1/me', cookies: { tend_session: cookie } });
    expect((await me(ada)).statusCode).toBe(200);
    expect((await me(phone)).statusCode).toBe(401);
    const withToken = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(withToken.statusCode).toBe(200);
    expect((await signIn('ada@example.com', PASSWORD)).statusCode).toBe(401);
    expect((await signIn('ada@example.com', 'kettle marble ostrich')).statusCode).toBe(200);
  });

  it('lists sessions with the current one marked, ends one, and signs out everywhere else', async () => {
    const phone = sessionOf(await signIn('ada@example.com', PASSWORD, 'Mozilla/5.0 (iPhone) Safari/604.1'))!;
    const laptop = sessionOf(
      await signIn('ada@example.com', PASSWORD, 'Mozilla/5.0 (X11; Linux) Firefox/133.0'),
    )!;
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/sessions',
      cookies: { tend_session: ada },
    });
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { id: string; current: boolean; userAgent: string; ip: string }[];
    expect(items).toHaveLength(3);
    expect(items.filter((s) => s.current)).toHaveLength(1);
    expect(items.map((s) => s.userAgent)).toEqual(
      expect.arrayContaining(['Mozilla/5.0 (iPhone) Safari/604.1', 'Mozilla/5.0 (X11; Linux) Firefox/133.0']),
    );
    expect(items.every((s) => s.ip === '127.0.0.1')).toBe(true);
    expect(list.body).not.toContain(phone);

    const phoneId = items.find((s) => s.userAgent.includes('iPhone'))!.id;
    const del = (id: string) =>
      t.app.inject({
        method: 'DELETE',
        url: `/api/v1/me/sessions/${id}`,
        cookies: { tend_session: ada },
        headers: { 'x-tend-csrf': '1' },
      });
    expect((await del(phoneId)).statusCode).toBe(204);
    expect((await del(phoneId)).statusCode).toBe(404);
    const me = (cookie: string) =>
      t.app.inject({ method: 'GET', url: '/api/v1/me', cookies: { tend_session: cookie } });
    expect((await me(phone)).statusCode).toBe(401);
    expect((await me(laptop)).statusCode).toBe(200);

    const others = await post(t.app, '/api/v1/me/sessions/revoke-others', {}, ada);
    expect(others.json()).toEqual({ revoked: 1 });
    expect((await me(laptop)).statusCode).toBe(401);
    expect((await me(ada)).statusCode).toBe(200);
  });

  it('resets a password from the local CLI app only, and signs that account out everywhere', async () => {
    // A listening server has no such route.
    const remote = await post(t.app, '/api/v1/admin/reset-password', { email: 'ada@example.com' }, ada);
    expect(remote.statusCode).toBe(404);
    const local = await buildApp(t.deps, { localPrincipal: await localOwner(t.deps) });
    try {
      const reset = (body: object) =>
        local.inject({ method: 'POST', url: '/api/v1/admin/reset-password', payload: body });
      expect(
        (await reset({ email: 'ada@example.com', password: 'password12' })).json().errors[0],
      ).toMatchObject({
        field: 'password',
      });
      expect((await reset({ email: 'nobody@example.com' })).statusCode).toBe(404);
      const done = await reset({ email: 'ADA@example.com' });
      expect(done.statusCode, done.body).toBe(200);
      const { generatedPassword, signedOutSessions } = done.json();
      expect(signedOutSessions).toBe(1);
      expect(generatedPassword).toMatch(/^[\w-]{20}$/);
      expect(
        (await t.app.inject({ method: 'GET', url: '/api/v1/me', cookies: { tend_session: ada } })).statusCode,
      ).toBe(401);
      expect((await signIn('ada@example.com', generatedPassword)).statusCode).toBe(200);
    } finally {
      await local.close();
    }
  });
});

describe('the dummy hash', () => {
  it('uses the parameters of real hashes', () => {
    expect(DUMMY_HASH).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});
