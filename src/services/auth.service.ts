import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type {
  CreatedToken,
  Me,
  SettingsPatch,
  SignIn,
  SignUp,
  SignUpAccepted,
  Token,
  TokenCreate,
} from '../contract/auth';
import { DEFAULT_CADENCE_BY_CIRCLE } from '../core/cadence';
import { errorCode } from '../core/error-code';
import { Conflict, Forbidden, Invalid, NotFound, Unauthorized } from '../core/errors';
import { toMillis } from '../core/instant';
import { decodeScopes, encodeScopes, scopesAllow, TOKEN_SCOPES, type TokenScope } from '../core/token-scopes';
import { CIRCLE_KINDS, type CircleKind, DEFAULT_WORKING_HOURS } from '../core/vocabulary';
import {
  countUsers,
  deleteSession,
  findAccount,
  findApiTokenByHash,
  findSession,
  findUser,
  findUserByEmail,
  firstUser,
  insertAccount,
  insertApiToken,
  insertSession,
  insertUser,
  listApiTokens,
  revokeApiToken,
  touchApiToken,
  touchSession,
  updateAccount,
} from '../store/accounts.repo';
import { insertCircles } from '../store/circles.repo';
import { decodeWorkingHours } from '../store/json-columns';
import { clearThrottle } from '../store/sign-in-throttle.repo';
import type { Conn } from '../store/store';
import { cadenceColumns } from './contact-dto';
import { type Deps, nowIso } from './deps';
import { requireStrongPassword } from './password-strength';
import { countSignInFailure, requireSignInAllowed, throttleKey } from './sign-in-throttle';

/** Who is calling: every service call below the boundary is scoped by accountId. */
export interface Principal {
  accountId: string;
  userId: string;
  via: 'session' | 'token' | 'local';
  /** What the caller may do; sessions and the local CLI hold every scope. */
  scopes: readonly TokenScope[];
}

const ALL_SCOPES: readonly TokenScope[] = TOKEN_SCOPES;

const SESSION_DAYS = 30;
const LAST_SEEN_EVERY_MS = 5 * 60_000;
// A fixed hash to verify against when the e-mail is unknown, so timing does not reveal which e-mails
// exist. Same parameters as hash() uses (a test checks that verifying it does the full work).
export const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0Ez3nrBrpVYJMI5GFkNLzd/cn1qUxkFCm7ym8HtxQ6s';

export function sha256(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

const CIRCLE_NAMES: Record<Exclude<CircleKind, 'other'>, string> = {
  mentor: 'Mentors',
  peer: 'Peers',
  industry_leader: 'Industry leaders',
  client_partner: 'Clients & partners',
  aspirational: 'Aspirational',
};

async function createAccountWithUser(deps: Deps, db: Conn, input: SignUp, passwordHash: string): Promise<Me> {
  const now = nowIso(deps);
  const accountId = deps.newId();
  const userId = deps.newId();
  await insertAccount(db, { id: accountId, name: input.name, time_zone: input.timeZone, created_at: now });
  await insertUser(db, {
    account_id: accountId,
    id: userId,
    email: input.email.toLowerCase(),
    name: input.name,
    password_hash: passwordHash,
    created_at: now,
  });
  await insertCircles(
    db,
    CIRCLE_KINDS.filter((k): k is keyof typeof CIRCLE_NAMES => k !== 'other').map((kind) => ({
      account_id: accountId,
      id: deps.newId(),
      name: CIRCLE_NAMES[kind],
      kind,
      ...cadenceColumns(DEFAULT_CADENCE_BY_CIRCLE[kind]),
      created_at: now,
    })),
  );
  return getMe(deps, { accountId, userId }, db);
}

/** The one answer to a sign-up on an open server that has users, whether the e-mail was free or not. */
export const SIGN_UP_ACCEPTED: SignUpAccepted = {
  status: 'accepted',
  detail: 'If this e-mail address was free, the account now exists: sign in with it and your password.',
};

/**
 * Sign-up is open for the first user of a server (answered with the account, signed in); later only
 * when the operator opened it, and then answered with SIGN_UP_ACCEPTED whether or not the e-mail
 * already had an account (nothing is created or changed then), after the same password hashing,
 * so neither the answer nor its timing tells who has an account here (docs/self-hosting.md).
 */
export async function signUp(
  deps: Deps,
  input: SignUp,
  signupOpen: boolean,
): Promise<{ created: Me } | { accepted: SignUpAccepted }> {
  await requireStrongPassword(input.password, [input.email, input.name], 'password');
  // Hashed before the transaction, for a new e-mail and a taken one alike.
  const passwordHash = await hash(input.password);
  try {
    // Serializable, so two simultaneous "first" sign-ups cannot both see an empty server (PostgreSQL;
    // SQLite runs one write transaction at a time anyway).
    return await deps.store.transaction(
      async (trx) => {
        const first = (await countUsers(trx)) === 0;
        if (!signupOpen && !first) throw new Forbidden('sign-up is closed on this server');
        const taken = await findUserByEmail(trx, input.email.toLowerCase());
        if (taken) return { accepted: SIGN_UP_ACCEPTED };
        const me = await createAccountWithUser(deps, trx, input, passwordHash);
        return first ? { created: me } : { accepted: SIGN_UP_ACCEPTED };
      },
      { serializable: true },
    );
  } catch (error) {
    const code = errorCode(error);
    // 40001: the concurrent transaction won; 23505: the same e-mail committed first (not revealed).
    if (code === '40001') throw new Conflict('another sign-up happened at the same moment; try again');
    if (code === '23505') return { accepted: SIGN_UP_ACCEPTED };
    throw error;
  }
}

export async function signIn(deps: Deps, input: SignIn): Promise<Me> {
  await requireSignInAllowed(deps, input.email);
  const user = await findUserByEmail(deps.store.read, input.email.toLowerCase());
  const ok = await verify(user?.password_hash ?? DUMMY_HASH, input.password).catch(() => false);
  if (!user || !ok) {
    await countSignInFailure(deps, input.email);
    throw new Unauthorized('wrong e-mail or password');
  }
  await clearThrottle(deps.store.read, throttleKey(input.email));
  return getMe(deps, { accountId: user.account_id, userId: user.id });
}

/** Where a session was opened from, shown in Settings → Account. */
export interface SessionOrigin {
  userAgent: string | null;
  ip: string | null;
}

/** Opens a session; returns the cookie secret (only its hash is stored). */
export async function openSession(
  deps: Deps,
  me: Pick<Me, 'accountId' | 'userId'>,
  origin: SessionOrigin = { userAgent: null, ip: null },
): Promise<{ secret: string; expires: Date }> {
  const secret = randomBytes(32).toString('base64url');
  const expires = new Date(deps.clock().getTime() + SESSION_DAYS * 86_400_000);
  const now = nowIso(deps);
  await insertSession(deps.store.read, {
    token_hash: sha256(secret),
    id: deps.newId(),
    account_id: me.accountId,
    user_id: me.userId,
    created_at: now,
    expires_at: expires.toISOString(),
    last_seen_at: now,
    user_agent: origin.userAgent?.slice(0, 300) ?? null,
    ip: origin.ip?.slice(0, 64) ?? null,
  });
  return { secret, expires };
}

export async function closeSession(deps: Deps, secret: string): Promise<void> {
  await deleteSession(deps.store.read, sha256(secret));
}

export async function principalFromSession(deps: Deps, secret: string): Promise<Principal | null> {
  const s = await findSession(deps.store.read, sha256(secret));
  const now = nowIso(deps);
  if (!s || s.expires_at <= now) return null;
  // "Last seen" to the minute or so: one write per session every few minutes, not per request.
  if (!s.last_seen_at || toMillis(now) - toMillis(s.last_seen_at) > LAST_SEEN_EVERY_MS)
    await touchSession(deps.store.read, s.token_hash, now);
  return { accountId: s.account_id, userId: s.user_id, via: 'session', scopes: ALL_SCOPES };
}

/** The caller behind an API token; null when it is unknown, revoked or expired. */
export async function principalFromToken(deps: Deps, secret: string): Promise<Principal | null> {
  const t = await findApiTokenByHash(deps.store.read, sha256(secret));
  const now = nowIso(deps);
  if (!t || (t.expires_at !== null && t.expires_at <= now)) return null;
  await touchApiToken(deps.store.read, t.account_id, t.id, now);
  return { accountId: t.account_id, userId: t.user_id, via: 'token', scopes: decodeScopes(t.scopes) };
}

/**
 * For the CardDAV/CalDAV endpoints: the caller behind a token that holds the `dav` scope, or null
 * (unknown, revoked, expired, or a token minted for the REST API only).
 */
export async function davPrincipal(deps: Deps, secret: string): Promise<Principal | null> {
  const p = await principalFromToken(deps, secret);
  return p && scopesAllow(p.scopes, 'dav') ? p : null;
}

/** The local CLI acts as the server's first user, creating one (single-user install) when there is none. */
export async function localOwner(deps: Deps): Promise<Principal> {
  const existing = await firstUser(deps.store.read);
  if (existing)
    return { accountId: existing.account_id, userId: existing.id, via: 'local', scopes: ALL_SCOPES };
  const me = await deps.store.transaction(async (trx) =>
    createAccountWithUser(
      deps,
      trx,
      {
        name: 'Owner',
        email: 'owner@localhost',
        password: '',
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
      },
      // Nobody knows this password; `tend admin reset-password owner@localhost` sets one.
      await hash(randomBytes(24).toString('base64url')),
    ),
  );
  return { accountId: me.accountId, userId: me.userId, via: 'local', scopes: ALL_SCOPES };
}

export async function hasUsers(deps: Deps): Promise<boolean> {
  return (await countUsers(deps.store.read)) > 0;
}

export async function getMe(
  deps: Deps,
  p: Pick<Principal, 'accountId' | 'userId'>,
  db: Conn = deps.store.read,
): Promise<Me> {
  const [user, account] = await Promise.all([
    findUser(db, p.accountId, p.userId),
    findAccount(db, p.accountId),
  ]);
  if (!user || !account) throw new Unauthorized('sign in again');
  return {
    userId: user.id,
    accountId: account.id,
    name: user.name,
    email: user.email,
    timeZone: account.time_zone,
    dailySize: account.daily_size,
    weeklyBudget: account.weekly_budget,
    workingHours:
      decodeWorkingHours(account.working_hours, 'accounts.working_hours') ?? DEFAULT_WORKING_HOURS,
  };
}

export async function patchSettings(deps: Deps, p: Principal, patch: SettingsPatch): Promise<Me> {
  await updateAccount(deps.store.read, p.accountId, {
    ...(patch.timeZone && { time_zone: patch.timeZone }),
    ...(patch.dailySize && { daily_size: patch.dailySize }),
    ...(patch.weeklyBudget && { weekly_budget: patch.weeklyBudget }),
    ...(patch.workingHours !== undefined && {
      working_hours: patch.workingHours && JSON.stringify(patch.workingHours),
    }),
  });
  return getMe(deps, p);
}

export async function createToken(deps: Deps, p: Principal, input: TokenCreate): Promise<CreatedToken> {
  const now = nowIso(deps);
  const expiresAt = input.expiresAt ? new Date(input.expiresAt).toISOString() : null;
  if (expiresAt !== null && expiresAt <= now) throw new Invalid('must be in the future', 'expiresAt');
  const token = `tend_${randomBytes(30).toString('base64url')}`;
  const row = {
    account_id: p.accountId,
    id: deps.newId(),
    user_id: p.userId,
    name: input.name,
    token_hash: sha256(token),
    prefix: token.slice(0, 12),
    scopes: encodeScopes(input.scopes),
    created_at: now,
    expires_at: expiresAt,
    last_used_at: null,
    revoked_at: null,
  };
  await insertApiToken(deps.store.read, row);
  return { ...tokenDto(row), token };
}

function tokenDto(r: {
  id: string;
  name: string;
  prefix: string;
  scopes: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
}): Token {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    scopes: decodeScopes(r.scopes),
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    lastUsedAt: r.last_used_at,
  };
}

export async function listTokens(deps: Deps, p: Principal): Promise<Token[]> {
  const rows = await listApiTokens(deps.store.read, p.accountId);
  return rows.map(tokenDto);
}

export async function revokeToken(deps: Deps, p: Principal, id: string): Promise<void> {
  if ((await revokeApiToken(deps.store.read, p.accountId, id, nowIso(deps))) === 0)
    throw new NotFound('token not found');
}

/**
 * The principal of a CardDAV/CalDAV login (HTTP Basic): the account's e-mail and one of that
 * user's API tokens as the app password. The one place DAV credentials are checked, so requiring
 * the token must hold the `dav` scope.
 */
export async function principalForDavLogin(
  deps: Deps,
  email: string,
  secret: string,
): Promise<Principal | null> {
  const [user, principal] = await Promise.all([
    findUserByEmail(deps.store.read, email.trim().toLowerCase()),
    davPrincipal(deps, secret),
  ]);
  if (!user || !principal || principal.userId !== user.id || principal.accountId !== user.account_id)
    return null;
  return principal;
}
