import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../contract/common';
import {
  ContactResourceList,
  Resource,
  ResourceCreate,
  ResourceList,
  ResourceMatchList,
  ResourcePatch,
  ResourceQuery,
  ResourceShare,
  ResourceShared,
} from '../../contract/resources';
import type { Deps } from '../../services/deps';
import {
  addResource,
  contactResources,
  getResource,
  listLibrary,
  patchResource,
  removeResource,
  resourceMatches,
  shareResource,
} from '../../services/resources.service';
import { principal } from '../auth-hook';

export function resourcesRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['resources'];
    app.get(
      '/resources',
      { schema: { tags, querystring: ResourceQuery, response: { 200: ResourceList } } },
      async (request) => ({ items: await listLibrary(deps, principal(request).accountId, request.query) }),
    );
    app.post(
      '/resources',
      { schema: { tags, body: ResourceCreate, response: { 201: Resource } } },
      async (request, reply) =>
        reply.code(201).send(await addResource(deps, principal(request).accountId, request.body)),
    );
    app.get(
      '/resources/:id',
      { schema: { tags, params: IdParams, response: { 200: Resource } } },
      async (request) => getResource(deps, principal(request).accountId, request.params.id),
    );
    app.patch(
      '/resources/:id',
      { schema: { tags, params: IdParams, body: ResourcePatch, response: { 200: Resource } } },
      async (request) => patchResource(deps, principal(request).accountId, request.params.id, request.body),
    );
    app.delete(
      '/resources/:id',
      { schema: { tags, params: IdParams, response: { 204: z.null() } } },
      async (request, reply) => {
        await removeResource(deps, principal(request).accountId, request.params.id);
        return reply.code(204).send(null);
      },
    );
    app.get(
      '/resources/:id/matches',
      { schema: { tags, params: IdParams, response: { 200: ResourceMatchList } } },
      async (request) => ({
        items: await resourceMatches(deps, principal(request).accountId, request.params.id),
      }),
    );
    app.post(
      '/resources/:id/share',
      { schema: { tags, params: IdParams, body: ResourceShare, response: { 201: ResourceShared } } },
      async (request, reply) =>
        reply
          .code(201)
          .send(await shareResource(deps, principal(request).accountId, request.params.id, request.body)),
    );
    app.get(
      '/contacts/:id/resources',
      { schema: { tags, params: IdParams, response: { 200: ContactResourceList } } },
      async (request) => ({
        items: await contactResources(deps, principal(request).accountId, request.params.id),
      }),
    );
  };
}
