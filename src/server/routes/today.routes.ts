import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../contract/common';
import { Capacity, Health } from '../../contract/health';
import { ActionResult, DoneBody, SnoozeBody, Today, TodayQuery } from '../../contract/today';
import type { Deps } from '../../services/deps';
import { capacity, contactHealth } from '../../services/health.service';
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
