import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../contract/common';
import {
  Interaction,
  InteractionCreate,
  InteractionList,
  InteractionPatch,
} from '../../contract/interactions';
import type { Deps } from '../../services/deps';
import {
  contactInteractions,
  getInteraction,
  logInteraction,
  patchInteraction,
  removeInteraction,
} from '../../services/interactions.service';
import { principal } from '../auth-hook';

export function interactionsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['interactions'];
    app.get(
      '/contacts/:id/interactions',
      { schema: { tags, params: IdParams, response: { 200: InteractionList } } },
      async (request) => ({
        items: await contactInteractions(deps, principal(request).accountId, request.params.id),
      }),
    );
    app.post(
      '/contacts/:id/interactions',
      { schema: { tags, params: IdParams, body: InteractionCreate, response: { 201: Interaction } } },
      async (request, reply) =>
        reply
          .code(201)
          .send(await logInteraction(deps, principal(request).accountId, request.params.id, request.body)),
    );
    app.get(
      '/interactions/:id',
      { schema: { tags, params: IdParams, response: { 200: Interaction } } },
      async (request) => getInteraction(deps, principal(request).accountId, request.params.id),
    );
    app.patch(
      '/interactions/:id',
      { schema: { tags, params: IdParams, body: InteractionPatch, response: { 200: Interaction } } },
      async (request) =>
        patchInteraction(deps, principal(request).accountId, request.params.id, request.body),
    );
    app.delete(
      '/interactions/:id',
      { schema: { tags, params: IdParams, response: { 204: z.null() } } },
      async (request, reply) => {
        await removeInteraction(deps, principal(request).accountId, request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
