import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PublicPostCreate, Update } from '../../contract/updates';
import type { Deps } from '../../services/deps';
import { recordPublicPost } from '../../services/public-posts.service';
import { principal } from '../auth-hook';

/** F16: a post shared in public, recorded as an update. */
export function publicPostsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/updates/public',
      { schema: { tags: ['updates'], body: PublicPostCreate, response: { 201: Update } } },
      async (request, reply) =>
        reply.code(201).send(await recordPublicPost(deps, principal(request).accountId, request.body)),
    );
  };
}
