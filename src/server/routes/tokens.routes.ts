import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CreatedToken, TokenCreate, TokenList } from '../../contract/auth';
import { IdParams } from '../../contract/common';
import { createToken, listTokens, revokeToken } from '../../services/auth.service';
import type { Deps } from '../../services/deps';
import { principal } from '../auth-hook';

// Minting and revoking tokens is admin work: a read or write token cannot make itself a stronger one.
const ADMIN = { scope: 'admin' } as const;

export function tokensRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/tokens',
      { schema: { tags: ['tokens'], response: { 200: TokenList } }, config: ADMIN },
      async (request) => ({
        items: await listTokens(deps, principal(request)),
      }),
    );
    app.post(
      '/tokens',
      { schema: { tags: ['tokens'], body: TokenCreate, response: { 201: CreatedToken } }, config: ADMIN },
      async (request, reply) =>
        reply.code(201).send(await createToken(deps, principal(request), request.body)),
    );
    app.delete(
      '/tokens/:id',
      { schema: { tags: ['tokens'], params: IdParams, response: { 204: z.null() } }, config: ADMIN },
      async (request, reply) => {
        await revokeToken(deps, principal(request), request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
