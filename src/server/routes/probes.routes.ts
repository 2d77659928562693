import type { FastifyInstance } from 'fastify';
import { Unavailable } from '../../core/errors';
import type { Deps } from '../../services/deps';
import { readiness } from '../../services/readiness.service';

/** Set by main.ts when a stop signal arrives, so a load balancer stops sending before we close. */
export interface Lifecycle {
  draining: boolean;
}

/**
 * Liveness and readiness for process managers and load balancers (docs/self-hosting.md):
 * `/healthz` says the process answers, `/readyz` that it can serve (database up, not stopping).
 */
export function probesRoutes(deps: Deps, lifecycle: Lifecycle) {
  return async (app: FastifyInstance) => {
    const hidden = { schema: { hide: true }, config: { public: true } };
    app.get('/healthz', hidden, async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      return { status: 'ok' };
    });
    // The older name, kept for existing monitors.
    app.get('/api/health', hidden, async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      return { ok: true };
    });
    app.get('/readyz', hidden, async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      const state = await readiness(deps, lifecycle.draining);
      if (!state.ready) throw new Unavailable(state.reason);
      return { status: 'ready' };
    });
  };
}
