import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../contract/common';
import { Draft, DraftCreate, DraftLintBody, DraftLintResult } from '../../contract/drafts';
import type { Deps } from '../../services/deps';
import { composeDraft, lintText } from '../../services/drafts.service';
import { principal } from '../auth-hook';

/** F14: drafts are composed and linted here; sending is the user's own app (Tend sends nothing). */
export function draftsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['drafts'];
    app.post(
      '/contacts/:id/drafts',
      { schema: { tags, params: IdParams, body: DraftCreate, response: { 200: Draft } } },
      async (request) => composeDraft(deps, principal(request), request.params.id, request.body),
    );
    app.post(
      '/drafts/lint',
      { schema: { tags, body: DraftLintBody, response: { 200: DraftLintResult } } },
      async (request) => ({ issues: await lintText(deps, principal(request).accountId, request.body) }),
    );
  };
}
