import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Problem } from '../../contract/common';
import { DemoSummary } from '../../contract/demo';
import { seedDemo } from '../../services/demo/demo.service';
import type { Deps } from '../../services/deps';
import { principal } from '../auth-hook';

export function demoRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/demo',
      {
        schema: {
          tags: ['demo'],
          description: 'Seeds a realistic demo network into an empty account (409 when it has contacts).',
          response: { 201: DemoSummary, 409: Problem },
        },
      },
      async (request, reply) => reply.code(201).send(await seedDemo(deps, principal(request).accountId)),
    );
  };
}
