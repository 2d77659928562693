import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../contract/common';
import { Capacity, Health } from '../../contract/health';
import type { Deps } from '../../services/deps';
import { capacity, contactHealth } from '../../services/health.service';
import { principal } from '../auth-hook';

/** F20 health per contact and F3 capacity; tagged `today` as before, so the OpenAPI document is unchanged. */
export function healthRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['today'];
    app.get(
      '/contacts/:id/health',
      { schema: { tags, params: IdParams, response: { 200: Health } } },
      async (request) => contactHealth(deps, principal(request).accountId, request.params.id),
    );
    app.get('/capacity', { schema: { tags, response: { 200: Capacity } } }, async (request) =>
      capacity(deps, principal(request).accountId),
    );
  };
}
