import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../contract/common';
import { Contact, ContactCreate, ContactListQuery, ContactPage, ContactPatch } from '../../contract/contacts';
import {
  createContact,
  getContact,
  listContactPage,
  patchContact,
  removeContact,
} from '../../services/contacts.service';
import type { Deps } from '../../services/deps';
import { principal } from '../auth-hook';

export function contactsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['contacts'];
    app.get(
      '/contacts',
      { schema: { tags, querystring: ContactListQuery, response: { 200: ContactPage } } },
      async (request) => listContactPage(deps, principal(request).accountId, request.query),
    );
    app.post(
      '/contacts',
      { schema: { tags, body: ContactCreate, response: { 201: Contact } } },
      async (request, reply) =>
        reply.code(201).send(await createContact(deps, principal(request).accountId, request.body)),
    );
    app.get(
      '/contacts/:id',
      { schema: { tags, params: IdParams, response: { 200: Contact } } },
      async (request) => getContact(deps, principal(request).accountId, request.params.id),
    );
    app.patch(
      '/contacts/:id',
      { schema: { tags, params: IdParams, body: ContactPatch, response: { 200: Contact } } },
      async (request) => patchContact(deps, principal(request).accountId, request.params.id, request.body),
    );
    app.delete(
      '/contacts/:id',
      { schema: { tags, params: IdParams, response: { 204: z.null() } } },
      async (request, reply) => {
        await removeContact(deps, principal(request).accountId, request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
