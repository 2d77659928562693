import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AuthState,
  Me,
  PasswordChange,
  PasswordChanged,
  SettingsPatch,
  SignIn,
  SignUp,
  SignUpAccepted,
} from '../../contract/auth';
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
import { changePassword } from '../../services/password.service';
import { principal, SESSION_COOKIE } from '../auth-hook';

const rateLimit = { max: 20, timeWindow: '1 minute' };

export function authRoutes(deps: Deps, signupOpen: boolean, secureCookies = false): FastifyPluginAsyncZod {
  return async (app) => {
    const setCookie = async (request: FastifyRequest, reply: FastifyReply, me: Me) => {
      const { secret, expires } = await openSession(deps, me, {
        userAgent: request.headers['user-agent'] ?? null,
        // The client as TEND_TRUST_PROXY resolves it (the socket's address unless proxies are trusted).
        ip: request.ip,
      });
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
        schema: {
          tags: ['auth'],
          description:
            'The first user of a server gets 201 and is signed in. Later sign-ups (open sign-up) get 202 ' +
            'with the same body whether or not the e-mail already had an account; then sign in.',
          body: SignUp,
          response: { 201: Me, 202: SignUpAccepted, 403: Problem, 409: Problem },
        },
      },
      async (request, reply) => {
        const result = await signUp(deps, request.body, signupOpen);
        if ('accepted' in result) return reply.code(202).send(result.accepted);
        await setCookie(request, reply, result.created);
        return reply.code(201).send(result.created);
      },
    );

    app.post(
      '/auth/signin',
      {
        config: { public: true, rateLimit },
        schema: {
          tags: ['auth'],
          description:
            'After a few failed attempts for one e-mail (known or not), each further attempt waits 1 s ' +
            'doubling to 15 min: 429 with Retry-After.',
          body: SignIn,
          response: { 200: Me, 401: Problem, 429: Problem },
        },
      },
      async (request, reply) => {
        const me = await signIn(deps, request.body);
        await setCookie(request, reply, me);
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

    app.post(
      '/me/password',
      {
        // A token must hold admin to change the password: it is as strong as a session.
        config: { scope: 'admin', rateLimit },
        schema: {
          tags: ['auth'],
          description: 'Signs out every other session; API tokens keep working.',
          body: PasswordChange,
          response: { 200: PasswordChanged, 400: Problem, 429: Problem },
        },
      },
      async (request) =>
        changePassword(deps, principal(request), request.body, request.cookies[SESSION_COOKIE]),
    );

    app.patch(
      '/me/settings',
      { schema: { tags: ['auth'], body: SettingsPatch, response: { 200: Me } } },
      async (request) => patchSettings(deps, principal(request), request.body),
    );
  };
}
