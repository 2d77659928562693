import type { Session, SessionList } from '../contract/auth';
import { NotFound } from '../core/errors';
import {
  deleteOtherSessions,
  deleteSessionById,
  listSessions,
  type SessionRow,
} from '../store/accounts.repo';
import { type Principal, sha256 } from './auth.service';
import { type Deps, nowIso } from './deps';

function sessionDto(r: SessionRow, currentHash: string | null): Session {
  return {
    // Every session has an id since its migration backfilled them; '' never matches a DELETE.
    id: r.id ?? '',
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    expiresAt: r.expires_at,
    userAgent: r.user_agent,
    ip: r.ip,
    current: r.token_hash === currentHash,
  };
}

/** The caller's signed-in sessions (browsers), the one of this request marked `current`. */
export async function mySessions(deps: Deps, p: Principal, cookie: string | undefined): Promise<SessionList> {
  const rows = await listSessions(deps.store.read, p.accountId, p.userId, nowIso(deps));
  const currentHash = cookie ? sha256(cookie) : null;
  return { items: rows.map((r) => sessionDto(r, currentHash)) };
}

/** Signs one of the caller's sessions out (the current one too, if asked). */
export async function endSession(deps: Deps, p: Principal, id: string): Promise<void> {
  if ((await deleteSessionById(deps.store.read, p.accountId, p.userId, id)) === 0)
    throw new NotFound('session not found');
}

/** "Sign out everywhere else": every session of the caller but this request's; API tokens stay. */
export async function endOtherSessions(
  deps: Deps,
  p: Principal,
  cookie: string | undefined,
): Promise<number> {
  return deleteOtherSessions(deps.store.read, p.accountId, p.userId, cookie ? sha256(cookie) : null);
}
