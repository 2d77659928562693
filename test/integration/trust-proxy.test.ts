import { afterEach, describe, expect, it } from 'vitest';
import type { TrustProxy } from '../../src/config';
import { newId } from '../../src/ids';
import { buildApp } from '../../src/server/app';
import { fixedClock } from '../helpers/app';
import { dialects, freshStore, type TestStore } from '../helpers/stores';

const ADA = { email: 'ada@example.com', name: 'Ada', password: 'correct horse battery', timeZone: 'UTC' };

/**
 * A real server on loopback: 127.0.0.1 plays the reverse proxy, which appends the address it saw
 * (203.0.113.7, the real client) to whatever X-Forwarded-For the client sent.
 */
describe.each(dialects)('TEND_TRUST_PROXY on %s', (dialect) => {
  let store: TestStore;
  let close: () => Promise<void>;
  afterEach(async () => {
    await close();
    await store.close();
  });

  async function serve(trustProxy: TrustProxy): Promise<string> {
    store = await freshStore(dialect);
    const app = await buildApp({ store, clock: fixedClock(), newId }, { signupOpen: false, trustProxy });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    close = () => app.close();
    const first = await fetch(`${url}/api/v1/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADA),
    });
    expect(first.status).toBe(201);
    return url;
  }

  const signIn = (url: string, forwardedFor: string, email: string, password: string) =>
    fetch(`${url}/api/v1/auth/signin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      body: JSON.stringify({ email, password }),
    });

  it.each<[string, TrustProxy]>([
    ['one hop', 1],
    ['the proxy CIDR', ['127.0.0.0/8']],
  ])(
    'keys the sign-in rate limit on the real client with %s, whatever X-Forwarded-For it spoofs',
    async (_, trust) => {
      const url = await serve(trust);
      const statuses: number[] = [];
      // 60 wrong passwords, each from a new spoofed left-most address and for a new e-mail (so the
      // per-account back-off stays out of it: this is the per-address limit alone).
      for (let i = 0; i < 60; i++) {
        const res = await signIn(
          url,
          `198.51.100.${i}, 203.0.113.7`,
          `guess${i}@example.com`,
          'wrong password',
        );
        statuses.push(res.status);
        await res.body?.cancel();
      }
      expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
      expect(statuses.slice(20).every((s) => s === 429)).toBe(true);
      // The right password from that client waits too…
      const right = await signIn(url, '192.0.2.1, 203.0.113.7', ADA.email, ADA.password);
      expect(right.status).toBe(429);
      expect(right.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
      // …while another real client is not held up by it.
      const other = await signIn(url, '203.0.113.7, 203.0.113.99', ADA.email, ADA.password);
      expect(other.status, await other.text()).toBe(200);
    },
  );
});
