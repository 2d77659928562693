import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Forbidden, Unauthorized } from '../core/errors';
import { type ScopeNeed, scopesAllow } from '../core/token-scopes';
import { type Principal, principalFromSession, principalFromToken } from '../services/auth.service';
import type { Deps } from '../services/deps';

export const SESSION_COOKIE = 'tend_session';
/** Cookie-authenticated writes must carry this header: a cross-site form cannot set it (CSRF). */
export const CSRF_HEADER = 'x-tend-csrf';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /** Routes that work signed out (health, sign-in, sign-up, the calendar feed). */
    public?: boolean;
    /** The scope a token needs here when it is not the method's (GET: read, others: write). */
    scope?: ScopeNeed;
  }
}

/** Resolves the caller from a Bearer token or the session cookie; refuses everything else. */
export function registerAuth(app: FastifyInstance, deps: Deps, localPrincipal?: Principal) {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    // The matched route, not the raw URL: the router decodes the path, so '/api/%761/auth/signout'
    // reaches /api/v1 while its raw URL does not start with '/api/v1/' (and would skip the CSRF check).
    if (!request.routeOptions.url?.startsWith('/api/v1/')) return;
    if (localPrincipal) {
      request.principal = localPrincipal;
      return;
    }
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      request.principal = await principalFromToken(deps, header.slice(7).trim());
      if (!request.principal) throw new Unauthorized('the API token is unknown, revoked or expired');
      requireScope(request);
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) {
      request.principal = await principalFromSession(deps, cookie);
      const safe = request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS';
      if (request.principal && !safe && request.headers[CSRF_HEADER] !== '1') {
        throw new Unauthorized(`cookie-authenticated writes need the ${CSRF_HEADER} header`);
      }
    }
    if (!request.principal && !request.routeOptions.config.public) throw new Unauthorized('sign in first');
    if (request.principal) requireScope(request);
  });
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Per route: admin routes name their scope; otherwise reads need read (or write) and writes need write. */
function requireScope(request: FastifyRequest): void {
  const need = request.routeOptions.config.scope ?? (READ_METHODS.has(request.method) ? 'read' : 'write');
  const p = request.principal;
  if (p && !scopesAllow(p.scopes, need)) throw new Forbidden(`this API token lacks the '${need}' scope`);
}

/** The caller of a protected route (the hook guarantees one). */
export function principal(request: FastifyRequest): Principal {
  if (!request.principal) throw new Unauthorized('sign in first');
  return request.principal;
}
