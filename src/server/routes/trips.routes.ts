import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../contract/common';
import { Trip, TripCreate, TripList, TripPatch, TripPeople, TripQuery } from '../../contract/trips';
import type { Deps } from '../../services/deps';
import { addTrip, getTrip, listTrips, patchTrip, removeTrip, tripPeople } from '../../services/trips.service';
import { principal } from '../auth-hook';

/** F25 trips and conferences, and who lives there. */
export function tripsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['trips'];
    app.get(
      '/trips',
      { schema: { tags, querystring: TripQuery, response: { 200: TripList } } },
      async (request) => ({ items: await listTrips(deps, principal(request).accountId, request.query) }),
    );
    app.post(
      '/trips',
      { schema: { tags, body: TripCreate, response: { 201: Trip } } },
      async (request, reply) =>
        reply.code(201).send(await addTrip(deps, principal(request).accountId, request.body)),
    );
    app.get('/trips/:id', { schema: { tags, params: IdParams, response: { 200: Trip } } }, async (request) =>
      getTrip(deps, principal(request).accountId, request.params.id),
    );
    app.patch(
      '/trips/:id',
      { schema: { tags, params: IdParams, body: TripPatch, response: { 200: Trip } } },
      async (request) => patchTrip(deps, principal(request).accountId, request.params.id, request.body),
    );
    app.delete(
      '/trips/:id',
      { schema: { tags, params: IdParams, response: { 204: z.null() } } },
      async (request, reply) => {
        await removeTrip(deps, principal(request).accountId, request.params.id);
        return reply.code(204).send(null);
      },
    );
    app.get(
      '/trips/:id/people',
      { schema: { tags, params: IdParams, response: { 200: TripPeople } } },
      async (request) => tripPeople(deps, principal(request).accountId, request.params.id),
    );
  };
}
