import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Circle, CircleCreate, CircleList, CirclePatch } from '../../contract/circles';
import { IdParams } from '../../contract/common';
import { createCircle, listCircleItems, patchCircle, removeCircle } from '../../services/circles.service';
import type { Deps } from '../../services/deps';
import { principal } from '../auth-hook';

export function circlesRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['circles'];
    app.get('/circles', { schema: { tags, response: { 200: CircleList } } }, async (request) => ({
      items: await listCircleItems(deps, principal(request).accountId),
    }));
    app.post(
      '/circles',
      { schema: { tags, body: CircleCreate, response: { 201: Circle } } },
      async (request, reply) =>
        reply.code(201).send(await createCircle(deps, principal(request).accountId, request.body)),
    );
    app.patch(
      '/circles/:id',
      { schema: { tags, params: IdParams, body: CirclePatch, response: { 200: Circle } } },
      async (request) => patchCircle(deps, principal(request).accountId, request.params.id, request.body),
    );
    app.delete(
      '/circles/:id',
      { schema: { tags, params: IdParams, response: { 204: z.null() } } },
      async (request, reply) => {
        await removeCircle(deps, principal(request).accountId, request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
