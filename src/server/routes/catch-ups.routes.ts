import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CatchUp,
  CatchUpCreate,
  CatchUpDone,
  CatchUpDoneResult,
  CatchUpList,
  CatchUpQuery,
  SlotList,
  SlotQuery,
} from '../../contract/catch-ups';
import { IdParams } from '../../contract/common';
import {
  cancelCatchUp,
  completeCatchUp,
  contactSlots,
  getCatchUp,
  listCatchUps,
  planCatchUp,
} from '../../services/catch-ups.service';
import type { Deps } from '../../services/deps';
import { principal } from '../auth-hook';

/** F15 catch-ups: slot suggestions, planning, done (logs the interaction) and cancel. */
export function catchUpsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['catch-ups'];
    app.get(
      '/contacts/:id/slots',
      { schema: { tags, params: IdParams, querystring: SlotQuery, response: { 200: SlotList } } },
      async (request) => contactSlots(deps, principal(request).accountId, request.params.id, request.query),
    );
    app.post(
      '/contacts/:id/catch-ups',
      { schema: { tags, params: IdParams, body: CatchUpCreate, response: { 201: CatchUp } } },
      async (request, reply) =>
        reply
          .code(201)
          .send(await planCatchUp(deps, principal(request).accountId, request.params.id, request.body)),
    );
    app.get(
      '/catch-ups',
      { schema: { tags, querystring: CatchUpQuery, response: { 200: CatchUpList } } },
      async (request) => ({ items: await listCatchUps(deps, principal(request).accountId, request.query) }),
    );
    app.get(
      '/catch-ups/:id',
      { schema: { tags, params: IdParams, response: { 200: CatchUp } } },
      async (request) => getCatchUp(deps, principal(request).accountId, request.params.id),
    );
    app.post(
      '/catch-ups/:id/done',
      { schema: { tags, params: IdParams, body: CatchUpDone, response: { 200: CatchUpDoneResult } } },
      async (request) => completeCatchUp(deps, principal(request).accountId, request.params.id, request.body),
    );
    app.post(
      '/catch-ups/:id/cancel',
      { schema: { tags, params: IdParams, response: { 200: CatchUp } } },
      async (request) => cancelCatchUp(deps, principal(request).accountId, request.params.id),
    );
  };
}
