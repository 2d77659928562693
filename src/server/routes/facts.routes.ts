import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../contract/common';
import { Fact, FactCreate, FactList, FactPatch } from '../../contract/facts';
import type { Deps } from '../../services/deps';
import { addFact, contactFacts, patchFact, removeFact } from '../../services/facts.service';
import { principal } from '../auth-hook';

export function factsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['facts'];
    app.get(
      '/contacts/:id/facts',
      { schema: { tags, params: IdParams, response: { 200: FactList } } },
      async (request) => ({
        items: await contactFacts(deps, principal(request).accountId, request.params.id),
      }),
    );
    app.post(
      '/contacts/:id/facts',
      { schema: { tags, params: IdParams, body: FactCreate, response: { 201: Fact } } },
      async (request, reply) =>
        reply
          .code(201)
          .send(await addFact(deps, principal(request).accountId, request.params.id, request.body)),
    );
    app.patch(
      '/facts/:id',
      { schema: { tags, params: IdParams, body: FactPatch, response: { 200: Fact } } },
      async (request) => patchFact(deps, principal(request).accountId, request.params.id, request.body),
    );
    app.delete(
      '/facts/:id',
      { schema: { tags, params: IdParams, response: { 204: z.null() } } },
      async (request, reply) => {
        await removeFact(deps, principal(request).accountId, request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
