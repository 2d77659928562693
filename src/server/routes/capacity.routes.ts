import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Capacity } from '../../contract/health';
import { applyCapacityMoves } from '../../services/capacity.service';
import type { Deps } from '../../services/deps';
import { principal } from '../auth-hook';

export function capacityRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    // GET /capacity (the plan) lives with Today, which shows its hint.
    app.post(
      '/capacity/apply',
      { schema: { tags: ['today'], response: { 200: Capacity } } },
      async (request) => applyCapacityMoves(deps, principal(request).accountId),
    );
  };
}
