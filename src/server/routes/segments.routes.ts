import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../contract/common';
import { ContactPage } from '../../contract/contacts';
import { Segment, SegmentContactsQuery, SegmentCreate, SegmentList } from '../../contract/segments';
import type { Deps } from '../../services/deps';
import {
  createSegment,
  listSegmentItems,
  removeSegment,
  segmentContacts,
} from '../../services/segments.service';
import { principal } from '../auth-hook';

export function segmentsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['segments'];
    app.get('/segments', { schema: { tags, response: { 200: SegmentList } } }, async (request) => ({
      items: await listSegmentItems(deps, principal(request).accountId),
    }));
    app.post(
      '/segments',
      { schema: { tags, body: SegmentCreate, response: { 201: Segment } } },
      async (request, reply) =>
        reply.code(201).send(await createSegment(deps, principal(request).accountId, request.body)),
    );
    app.get(
      '/segments/:id/contacts',
      {
        schema: { tags, params: IdParams, querystring: SegmentContactsQuery, response: { 200: ContactPage } },
      },
      async (request) =>
        segmentContacts(deps, principal(request).accountId, request.params.id, request.query),
    );
    app.delete(
      '/segments/:id',
      { schema: { tags, params: IdParams, response: { 204: z.null() } } },
      async (request, reply) => {
        await removeSegment(deps, principal(request).accountId, request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
