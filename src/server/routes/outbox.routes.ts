import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../contract/common';
import { OutboxList, OutboxMessage } from '../../contract/outbox';
import type { Deps } from '../../services/deps';
import { outboxMessages, retryMessage } from '../../services/email/outbox.service';
import { principal } from '../auth-hook';

export function outboxRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['outbox'];
    app.get('/outbox', { schema: { tags, response: { 200: OutboxList } } }, async (request) => ({
      items: await outboxMessages(deps, principal(request).accountId),
    }));
    app.post(
      '/outbox/:id/retry',
      { schema: { tags, params: IdParams, response: { 200: OutboxMessage } } },
      async (request) => retryMessage(deps, principal(request).accountId, request.params.id),
    );
  };
}
