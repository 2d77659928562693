import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CreatedToken, Token, TokenCreate } from '../../contract/auth';
import { IdParams } from '../../contract/common';
import { createToken, listTokens, revokeToken } from '../../services/auth.service';
import type { Deps } from '../../services/deps';
import { principal } from '../auth-hook';

export function tokensRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/tokens',
      { schema: { tags: ['tokens'], response: { 200: z.object({ items: z.array(Token) }) } } },
      async (request) => ({
        items: await listTokens(deps, principal(request)),
      }),
    );
    app.post(
      '/tokens',
      { schema: { tags: ['tokens'], body: TokenCreate, response: { 201: CreatedToken } } },
      async (request, reply) =>
        reply.code(201).send(await createToken(deps, principal(request), request.body.name)),
    );
    app.delete(
      '/tokens/:id',
      { schema: { tags: ['tokens'], params: IdParams, response: { 204: z.null() } } },
      async (request, reply) => {
        await revokeToken(deps, principal(request), request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
