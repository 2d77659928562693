import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Dashboard } from '../../contract/dashboard';
import { getDashboard } from '../../services/dashboard.service';
import type { Deps } from '../../services/deps';
import { principal } from '../auth-hook';

export function dashboardRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/dashboard',
      { schema: { tags: ['dashboard'], response: { 200: Dashboard } } },
      async (request) => getDashboard(deps, principal(request).accountId),
    );
  };
}
