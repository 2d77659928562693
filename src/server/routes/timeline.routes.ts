import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../contract/common';
import { Timeline } from '../../contract/timeline';
import type { Deps } from '../../services/deps';
import { contactTimeline } from '../../services/timeline.service';
import { principal } from '../auth-hook';

export function timelineRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/contacts/:id/timeline',
      { schema: { tags: ['contacts'], params: IdParams, response: { 200: Timeline } } },
      async (request) => ({
        items: await contactTimeline(deps, principal(request).accountId, request.params.id),
      }),
    );
  };
}
