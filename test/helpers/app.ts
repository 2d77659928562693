import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { newId } from '../../src/ids';
import { buildApp } from '../../src/server/app';
import type { Deps } from '../../src/services/deps';
import type { Store } from '../../src/store/store';

/** A clock the test moves by hand. */
export function fixedClock(iso = '2026-03-10T09:00:00.000Z') {
  let now = new Date(iso);
  const clock = () => new Date(now);
  clock.set = (next: string) => {
    now = new Date(next);
  };
  return clock;
}

export interface TestApp {
  app: FastifyInstance;
  deps: Deps & { clock: ReturnType<typeof fixedClock> };
}

export async function testApp(
  store: Store,
  opts: { signupOpen?: boolean; webDir?: string } = {},
): Promise<TestApp> {
  // A fixed key, so capture sources with passwords can be added (src/secret-key.ts in production).
  const deps = { store, clock: fixedClock(), newId, secretKey: Buffer.alloc(32, 7) };
  const app = await buildApp(deps, {
    signupOpen: opts.signupOpen ?? true,
    ...(opts.webDir && { webDir: opts.webDir }),
  });
  return { app, deps };
}

export interface Caller {
  token: string;
  accountId: string;
  call(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
  ): Promise<LightMyRequestResponse>;
}

/** Signs a new user up and returns a caller that speaks with an API token. */
export async function signUp(app: FastifyInstance, email = 'ada@example.com', name = 'Ada'): Promise<Caller> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/signup',
    payload: { email, name, password: 'correct horse battery', timeZone: 'Europe/London' },
  });
  if (res.statusCode !== 201 && res.statusCode !== 202)
    throw new Error(`sign-up failed: ${res.statusCode} ${res.body}`);
  // Only the server's first user is signed in by sign-up (202 for later ones: sign in).
  const signedIn =
    res.statusCode === 201
      ? res
      : await app.inject({
          method: 'POST',
          url: '/api/v1/auth/signin',
          payload: { email, password: 'correct horse battery' },
        });
  if (signedIn.statusCode !== 200 && signedIn.statusCode !== 201)
    throw new Error(`sign-in after sign-up failed: ${signedIn.statusCode} ${signedIn.body}`);
  const cookie = signedIn.cookies.find((c) => c.name === 'tend_session')!.value;
  const tokenRes = await app.inject({
    method: 'POST',
    url: '/api/v1/tokens',
    // Every scope a test may need: the REST API's and the dav app password's.
    payload: { name: 'tests', scopes: ['write', 'admin', 'dav'] },
    cookies: { tend_session: cookie },
    headers: { 'x-tend-csrf': '1' },
  });
  const token = tokenRes.json<{ token: string }>().token;
  const accountId = signedIn.json<{ accountId: string }>().accountId;
  return {
    token,
    accountId,
    call: (method, url, body) =>
      app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${token}` },
        ...(body !== undefined && { payload: body as object }),
      }),
  };
}
