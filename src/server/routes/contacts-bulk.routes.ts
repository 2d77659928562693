import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ContactsBulk, ContactsBulkResult } from '../../contract/contacts-bulk';
import { bulkUpdateContacts } from '../../services/contacts-bulk.service';
import type { Deps } from '../../services/deps';
import { principal } from '../auth-hook';

export function contactsBulkRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/contacts/bulk',
      { schema: { tags: ['contacts'], body: ContactsBulk, response: { 200: ContactsBulkResult } } },
      async (request) => bulkUpdateContacts(deps, principal(request).accountId, request.body),
    );
  };
}
