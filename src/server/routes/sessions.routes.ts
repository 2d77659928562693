import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SessionList, SessionsRevoked } from '../../contract/auth';
import { IdParams } from '../../contract/common';
import type { Deps } from '../../services/deps';
import { endOtherSessions, endSession, mySessions } from '../../services/sessions.service';
import { principal, SESSION_COOKIE } from '../auth-hook';

// Ending sessions is account management, like minting tokens: a token needs the admin scope.
const ADMIN = { scope: 'admin' } as const;

export function sessionsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/me/sessions',
      { schema: { tags: ['auth'], response: { 200: SessionList } }, config: ADMIN },
      async (request) => mySessions(deps, principal(request), request.cookies[SESSION_COOKIE]),
    );
    app.delete(
      '/me/sessions/:id',
      { schema: { tags: ['auth'], params: IdParams, response: { 204: z.null() } }, config: ADMIN },
      async (request, reply) => {
        await endSession(deps, principal(request), request.params.id);
        return reply.code(204).send(null);
      },
    );
    app.post(
      '/me/sessions/revoke-others',
      {
        schema: {
          tags: ['auth'],
          description: 'Sign out everywhere else: every session but this one. API tokens keep working.',
          response: { 200: SessionsRevoked },
        },
        config: ADMIN,
      },
      async (request) => ({
        revoked: await endOtherSessions(deps, principal(request), request.cookies[SESSION_COOKIE]),
      }),
    );
  };
}
