import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../contract/common';
import { ActionResult, DoneBody, SnoozeBody, Today, TodayQuery } from '../../contract/today';
import type { Deps } from '../../services/deps';
import { getToday, markDone, skip, snooze } from '../../services/today.service';
import { principal } from '../auth-hook';

export function todayRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['today'];
    app.get(
      '/today',
      { schema: { tags, querystring: TodayQuery, response: { 200: Today } } },
      async (request) => getToday(deps, principal(request).accountId, request.query),
    );
    app.post(
      '/today/:id/done',
      { schema: { tags, params: IdParams, body: DoneBody, response: { 200: ActionResult } } },
      async (request) => markDone(deps, principal(request).accountId, request.params.id, request.body ?? {}),
    );
    app.post(
      '/today/:id/snooze',
      { schema: { tags, params: IdParams, body: SnoozeBody, response: { 200: ActionResult } } },
      async (request) => snooze(deps, principal(request).accountId, request.params.id, request.body),
    );
    app.post(
      '/today/:id/skip',
      { schema: { tags, params: IdParams, response: { 200: ActionResult } } },
      async (request) => skip(deps, principal(request).accountId, request.params.id),
    );
  };
}
