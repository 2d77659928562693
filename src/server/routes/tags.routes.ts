import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { TagList } from '../../contract/tags';
import type { Deps } from '../../services/deps';
import { listTagItems } from '../../services/tags.service';
import { principal } from '../auth-hook';

export function tagsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/tags', { schema: { tags: ['tags'], response: { 200: TagList } } }, async (request) => ({
      items: await listTagItems(deps, principal(request).accountId),
    }));
  };
}
