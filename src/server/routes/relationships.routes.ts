import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../contract/common';
import {
  Relationship,
  RelationshipCreate,
  RelationshipList,
  RelationshipPatch,
} from '../../contract/relationships';
import type { Deps } from '../../services/deps';
import {
  addRelationship,
  contactRelationships,
  patchRelationship,
  removeRelationship,
} from '../../services/relationships.service';
import { principal } from '../auth-hook';

export function relationshipsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['relationships'];
    app.get(
      '/contacts/:id/relationships',
      { schema: { tags, params: IdParams, response: { 200: RelationshipList } } },
      async (request) => contactRelationships(deps, principal(request).accountId, request.params.id),
    );
    app.post(
      '/contacts/:id/relationships',
      { schema: { tags, params: IdParams, body: RelationshipCreate, response: { 201: Relationship } } },
      async (request, reply) =>
        reply
          .code(201)
          .send(await addRelationship(deps, principal(request).accountId, request.params.id, request.body)),
    );
    app.patch(
      '/relationships/:id',
      { schema: { tags, params: IdParams, body: RelationshipPatch, response: { 200: Relationship } } },
      async (request) =>
        patchRelationship(deps, principal(request).accountId, request.params.id, request.body),
    );
    app.delete(
      '/relationships/:id',
      { schema: { tags, params: IdParams, response: { 204: z.null() } } },
      async (request, reply) => {
        await removeRelationship(deps, principal(request).accountId, request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
