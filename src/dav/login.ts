import type { FastifyRequest } from 'fastify';
import { Unauthorized } from '../core/errors';
import { type Principal, principalForDavLogin } from '../services/auth.service';
import type { Deps } from '../services/deps';

/** Wrong passwords per client address and minute before DAV answers 429 (sign-in allows 20 tries a minute). */
export const MAX_FAILURES = 10;
const WINDOW_MS = 60_000;

/** Too many wrong passwords from one address: 429 until the window ends. */
export class TooManyLogins extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('too many wrong passwords; try again in a minute');
  }
}

/**
 * HTTP Basic for DAV clients (RFC 7617): the account e-mail and an app password. Wrong passwords
 * are counted per client address, so guessing is as slow as on the sign-in form; right ones cost
 * nothing, since a phone syncs many times an hour.
 */
export function davLogin(deps: Deps) {
  const failures = new Map<string, { count: number; until: number }>();
  return async (request: FastifyRequest): Promise<Principal> => {
    const now = deps.clock().getTime();
    const seen = failures.get(request.ip);
    if (seen && seen.until <= now) failures.delete(request.ip);
    const current = failures.get(request.ip);
    if (current && current.count >= MAX_FAILURES)
      throw new TooManyLogins(Math.ceil((current.until - now) / 1000));
    const header = request.headers.authorization ?? '';
    const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
    const decoded = m ? Buffer.from(m[1]!, 'base64').toString('utf8') : '';
    const colon = decoded.indexOf(':');
    if (colon < 1) throw new Unauthorized('sign in with your e-mail and an app password from Settings');
    const principal = await principalForDavLogin(deps, decoded.slice(0, colon), decoded.slice(colon + 1));
    if (principal) return principal;
    const entry = failures.get(request.ip) ?? { count: 0, until: now + WINDOW_MS };
    entry.count++;
    failures.set(request.ip, entry);
    // Bounded memory under a spray from many addresses: forget the oldest.
    if (failures.size > 10_000) failures.delete(failures.keys().next().value!);
    throw new Unauthorized('wrong e-mail or app password');
  };
}
