import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../contract/common';
import { ContactLedger, LedgerEntryCreate, LedgerEntryCreated, NetworkLedger } from '../../contract/ledger';
import type { Deps } from '../../services/deps';
import {
  addLedgerEntry,
  contactLedger,
  getNetworkLedger,
  removeLedgerEntry,
} from '../../services/ledger.service';
import { principal } from '../auth-hook';

export function ledgerRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['ledger'];
    app.get(
      '/contacts/:id/ledger',
      { schema: { tags, params: IdParams, response: { 200: ContactLedger } } },
      async (request) => contactLedger(deps, principal(request).accountId, request.params.id),
    );
    app.post(
      '/contacts/:id/ledger',
      { schema: { tags, params: IdParams, body: LedgerEntryCreate, response: { 201: LedgerEntryCreated } } },
      async (request, reply) =>
        reply
          .code(201)
          .send(await addLedgerEntry(deps, principal(request).accountId, request.params.id, request.body)),
    );
    app.delete(
      '/ledger/:id',
      { schema: { tags, params: IdParams, response: { 204: z.null() } } },
      async (request, reply) => {
        await removeLedgerEntry(deps, principal(request).accountId, request.params.id);
        return reply.code(204).send(null);
      },
    );
    app.get('/ledger', { schema: { tags, response: { 200: NetworkLedger } } }, async (request) =>
      getNetworkLedger(deps, principal(request).accountId),
    );
  };
}
