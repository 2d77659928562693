import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Brief } from '../../contract/brief';
import { IdParams } from '../../contract/common';
import { contactBrief } from '../../services/brief.service';
import type { Deps } from '../../services/deps';
import { principal } from '../auth-hook';

/** The "before you reach out" panel of the Today page reads this one endpoint. */
export function briefRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/contacts/:id/brief',
      { schema: { tags: ['today'], params: IdParams, response: { 200: Brief } } },
      async (request) => contactBrief(deps, principal(request).accountId, request.params.id),
    );
  };
}
