import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CarddavBookList,
  CarddavConflictList,
  CarddavDiscover,
  CarddavRun,
  ConflictResolve,
  Subscription,
  SubscriptionCreate,
  SubscriptionList,
  SubscriptionPatch,
} from '../../contract/carddav';
import { IdParams } from '../../contract/common';
import type { Deps } from '../../services/deps';
import {
  createSubscription,
  discoverBooks,
  getSubscription,
  patchSubscription,
  removeSubscription,
  resolveAndPush,
  runSubscription,
  subscriptions,
} from '../../services/sync/carddav.service';
import { carddavConflicts } from '../../services/sync/carddav-conflicts';
import { principal } from '../auth-hook';

/** F31 client: subscriptions to existing address books, their syncs and the conflict list. */
export function carddavRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['sync'];
    // A subscription holds a password to someone's address book: account management, like tokens.
    const admin = { scope: 'admin' } as const;
    app.post(
      '/carddav-subscriptions/discover',
      {
        config: admin,
        schema: {
          tags,
          summary: 'List the address books at a CardDAV address',
          description: 'The address itself, or those found through /.well-known/carddav. Nothing is stored.',
          body: CarddavDiscover,
          response: { 200: CarddavBookList },
        },
      },
      async (request) => ({ items: await discoverBooks(deps, request.body) }),
    );
    app.get(
      '/carddav-subscriptions',
      { schema: { tags, response: { 200: SubscriptionList } } },
      async (request) => ({
        items: await subscriptions(deps, principal(request).accountId),
      }),
    );
    app.post(
      '/carddav-subscriptions',
      {
        config: admin,
        schema: {
          tags,
          summary: 'Subscribe to an address book',
          description:
            'Discovers the book from the address, checks the password and stores it sealed (AES-256-GCM, never returned). ' +
            '400 names the field: a refused password, several books to choose from, not an address book.',
          body: SubscriptionCreate,
          response: { 201: Subscription },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createSubscription(deps, principal(request).accountId, request.body)),
    );
    app.get(
      '/carddav-conflicts',
      { schema: { tags, summary: 'Cards waiting for a choice', response: { 200: CarddavConflictList } } },
      async (request) => ({ items: await carddavConflicts(deps, principal(request).accountId) }),
    );
    app.post(
      '/carddav-conflicts/:id/resolve',
      { schema: { tags, params: IdParams, body: ConflictResolve, response: { 204: z.null() } } },
      async (request, reply) => {
        await resolveAndPush(deps, principal(request).accountId, request.params.id, request.body);
        return reply.code(204).send(null);
      },
    );
    app.get(
      '/carddav-subscriptions/:id',
      { schema: { tags, params: IdParams, response: { 200: Subscription } } },
      async (request) => getSubscription(deps, principal(request).accountId, request.params.id),
    );
    app.patch(
      '/carddav-subscriptions/:id',
      {
        config: admin,
        schema: { tags, params: IdParams, body: SubscriptionPatch, response: { 200: Subscription } },
      },
      async (request) =>
        patchSubscription(deps, principal(request).accountId, request.params.id, request.body),
    );
    app.post(
      '/carddav-subscriptions/:id/run',
      {
        schema: {
          tags,
          summary: 'Sync a subscribed address book now',
          description:
            "409 while another sync of it runs; 502 when the server fails, with its reason in words (also the subscription's lastError).",
          params: IdParams,
          response: { 200: CarddavRun },
        },
      },
      async (request) => runSubscription(deps, principal(request).accountId, request.params.id),
    );
    app.delete(
      '/carddav-subscriptions/:id',
      { config: admin, schema: { tags, params: IdParams, response: { 204: z.null() } } },
      async (request, reply) => {
        await removeSubscription(deps, principal(request).accountId, request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
