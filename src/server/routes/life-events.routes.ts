import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../contract/common';
import { LifeEvent, LifeEventCreate, LifeEventList, LifeEventPatch } from '../../contract/life-events';
import type { Deps } from '../../services/deps';
import {
  addLifeEvent,
  contactLifeEvents,
  patchLifeEvent,
  removeLifeEvent,
} from '../../services/life-events.service';
import { principal } from '../auth-hook';

export function lifeEventsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['life events'];
    app.get(
      '/contacts/:id/life-events',
      { schema: { tags, params: IdParams, response: { 200: LifeEventList } } },
      async (request) => ({
        items: await contactLifeEvents(deps, principal(request).accountId, request.params.id),
      }),
    );
    app.post(
      '/contacts/:id/life-events',
      { schema: { tags, params: IdParams, body: LifeEventCreate, response: { 201: LifeEvent } } },
      async (request, reply) =>
        reply
          .code(201)
          .send(await addLifeEvent(deps, principal(request).accountId, request.params.id, request.body)),
    );
    app.patch(
      '/life-events/:id',
      { schema: { tags, params: IdParams, body: LifeEventPatch, response: { 200: LifeEvent } } },
      async (request) => patchLifeEvent(deps, principal(request).accountId, request.params.id, request.body),
    );
    app.delete(
      '/life-events/:id',
      { schema: { tags, params: IdParams, response: { 204: z.null() } } },
      async (request, reply) => {
        await removeLifeEvent(deps, principal(request).accountId, request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
