import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AuthState, Me, SettingsPatch, SignIn, SignUp } from '../../contract/auth';
import { Problem } from '../../contract/common';
import {
  closeSession,
  getMe,
  hasUsers,
  openSession,
  patchSettings,
  signIn,
  signUp,
} from '../../services/auth.service';
import type { Deps } from '../../services/deps';
import { principal, SESSION_COOKIE } from '../auth-hook';

const rateLimit = { max: 20, timeWindow: '1 minute' };

export function authRoutes(deps: Deps, signupOpen: boolean, secureCookies = false): FastifyPluginAsyncZod {
  return async (app) => {
    const setCookie = async (reply: { setCookie: (n: string, v: string, o: object) => unknown }, me: Me) => {
      const { secret, expires } = await openSession(deps, me);
      reply.setCookie(SESSION_COOKIE, secret, {
        httpOnly: true,
        sameSite: 'lax',
        path: '/',
        expires,
        secure: secureCookies ? true : 'auto',
      });
    };

    app.get(
      '/auth/state',
      { config: { public: true }, schema: { tags: ['auth'], response: { 200: AuthState } } },
      async (request) => {
        const users = await hasUsers(deps);
        return {
          signupOpen: signupOpen || !users,
          hasUsers: users,
          me: request.principal ? await getMe(deps, request.principal) : null,
        };
      },
    );

    app.post(
      '/auth/signup',
      {
        config: { public: true, rateLimit },
        schema: { tags: ['auth'], body: SignUp, response: { 201: Me, 403: Problem, 409: Problem } },
      },
      async (request, reply) => {
        const me = await signUp(deps, request.body, signupOpen);
        await setCookie(reply, me);
        return reply.code(201).send(me);
      },
    );

    app.post(
      '/auth/signin',
      {
        config: { public: true, rateLimit },
        schema: { tags: ['auth'], body: SignIn, response: { 200: Me, 401: Problem } },
      },
      async (request, reply) => {
        const me = await signIn(deps, request.body);
        await setCookie(reply, me);
        return me;
      },
    );

    app.post(
      '/auth/signout',
      { config: { public: true }, schema: { tags: ['auth'], response: { 204: z.null() } } },
      async (request, reply) => {
        const cookie = request.cookies[SESSION_COOKIE];
        if (cookie) await closeSession(deps, cookie);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.code(204).send(null);
      },
    );

    app.get('/me', { schema: { tags: ['auth'], response: { 200: Me } } }, async (request) =>
      getMe(deps, principal(request)),
    );

    app.patch(
      '/me/settings',
      { schema: { tags: ['auth'], body: SettingsPatch, response: { 200: Me } } },
      async (request) => patchSettings(deps, principal(request), request.body),
    );
  };
}
