import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../contract/common';
import {
  IntroductionAdvance,
  IntroductionCreate,
  IntroductionDetail,
  IntroductionList,
  IntroductionListQuery,
} from '../../contract/introductions';
import type { Deps } from '../../services/deps';
import {
  advanceIntroduction,
  createIntroduction,
  getIntroduction,
  listIntroductions,
} from '../../services/introductions.service';
import { principal } from '../auth-hook';

export function introductionsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['introductions'];
    app.post(
      '/introductions',
      { schema: { tags, body: IntroductionCreate, response: { 201: IntroductionDetail } } },
      async (request, reply) =>
        reply.code(201).send(await createIntroduction(deps, principal(request).accountId, request.body)),
    );
    app.get(
      '/introductions',
      { schema: { tags, querystring: IntroductionListQuery, response: { 200: IntroductionList } } },
      async (request) => {
        const open = request.query.open === undefined ? undefined : request.query.open === 'true';
        return { items: await listIntroductions(deps, principal(request).accountId, open) };
      },
    );
    app.get(
      '/introductions/:id',
      { schema: { tags, params: IdParams, response: { 200: IntroductionDetail } } },
      async (request) => getIntroduction(deps, principal(request).accountId, request.params.id),
    );
    app.post(
      '/introductions/:id/advance',
      {
        schema: { tags, params: IdParams, body: IntroductionAdvance, response: { 200: IntroductionDetail } },
      },
      async (request) =>
        advanceIntroduction(deps, principal(request).accountId, request.params.id, request.body),
    );
  };
}
