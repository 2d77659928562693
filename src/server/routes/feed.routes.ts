import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../contract/common';
import { CatchUpQuery, CreatedFeedToken, FeedParams, FeedTokenList } from '../../contract/feed';
import type { Deps } from '../../services/deps';
import {
  catchUpInvitation,
  createFeedToken,
  feedCalendar,
  listFeedTokens,
  revokeFeedToken,
  rotateFeedToken,
} from '../../services/feed.service';
import { principal } from '../auth-hook';

const ICS = 'text/calendar; charset=utf-8';

/** Feed tokens and catch-up invitations (under /api/v1, authenticated). */
// A feed token publishes the calendar to whoever holds its URL: managing them is admin work.
const ADMIN = { scope: 'admin' } as const;

export function feedRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['calendar'];
    app.get(
      '/feed-tokens',
      { schema: { tags, response: { 200: FeedTokenList } }, config: ADMIN },
      async (request) => ({
        items: await listFeedTokens(deps, principal(request).accountId),
      }),
    );
    app.post(
      '/feed-tokens',
      { schema: { tags, response: { 201: CreatedFeedToken } }, config: ADMIN },
      async (request, reply) =>
        reply.code(201).send(await createFeedToken(deps, principal(request).accountId)),
    );
    app.post(
      '/feed-tokens/:id/rotate',
      { schema: { tags, params: IdParams, response: { 201: CreatedFeedToken } }, config: ADMIN },
      async (request, reply) =>
        reply.code(201).send(await rotateFeedToken(deps, principal(request).accountId, request.params.id)),
    );
    app.delete(
      '/feed-tokens/:id',
      { schema: { tags, params: IdParams, response: { 204: z.null() } }, config: ADMIN },
      async (request, reply) => {
        await revokeFeedToken(deps, principal(request).accountId, request.params.id);
        return reply.code(204).send(null);
      },
    );
    app.get(
      '/contacts/:id/catch-up.ics',
      { schema: { tags, params: IdParams, querystring: CatchUpQuery } },
      async (request, reply) => {
        const file = await catchUpInvitation(deps, principal(request), request.params.id, request.query);
        return reply
          .type('text/calendar; charset=utf-8; method=REQUEST')
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .send(file.body);
      },
    );
  };
}

/** The subscribable feed: outside /api/v1, authenticated by the secret in its URL alone. */
export function feedPublicRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/feed/:token.ics',
      { schema: { hide: true, params: FeedParams }, config: { public: true } },
      async (request, reply) =>
        reply
          .type(ICS)
          // Calendar clients poll; a shared cache must never keep one person's calendar.
          .header('cache-control', 'private, max-age=300')
          .send(await feedCalendar(deps, request.params.token)),
    );
  };
}
