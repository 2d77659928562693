import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../contract/common';
import {
  ImportantDate,
  ImportantDateCreate,
  ImportantDateList,
  ImportantDatePatch,
} from '../../contract/important-dates';
import type { Deps } from '../../services/deps';
import {
  addImportantDate,
  contactDates,
  patchImportantDate,
  removeImportantDate,
} from '../../services/important-dates.service';
import { principal } from '../auth-hook';

export function importantDatesRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['important dates'];
    app.get(
      '/contacts/:id/dates',
      { schema: { tags, params: IdParams, response: { 200: ImportantDateList } } },
      async (request) => ({
        items: await contactDates(deps, principal(request).accountId, request.params.id),
      }),
    );
    app.post(
      '/contacts/:id/dates',
      { schema: { tags, params: IdParams, body: ImportantDateCreate, response: { 201: ImportantDate } } },
      async (request, reply) =>
        reply
          .code(201)
          .send(await addImportantDate(deps, principal(request).accountId, request.params.id, request.body)),
    );
    app.patch(
      '/dates/:id',
      { schema: { tags, params: IdParams, body: ImportantDatePatch, response: { 200: ImportantDate } } },
      async (request) =>
        patchImportantDate(deps, principal(request).accountId, request.params.id, request.body),
    );
    app.delete(
      '/dates/:id',
      { schema: { tags, params: IdParams, response: { 204: z.null() } } },
      async (request, reply) => {
        await removeImportantDate(deps, principal(request).accountId, request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
