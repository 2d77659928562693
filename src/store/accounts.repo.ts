import type { Insertable, Selectable } from 'kysely';
import { kysely } from './conn';
import type { AccountsTable, ApiTokensTable, SessionsTable, UsersTable } from './database';
import { int, text } from './json-rows';
import { queryTemplate } from './query-template';
import type { Conn } from './store';

export type UserRow = Selectable<UsersTable>;
export type AccountRow = Selectable<AccountsTable>;
export type ApiTokenRow = Selectable<ApiTokensTable>;

export async function countUsers(conn: Conn): Promise<number> {
  const db = kysely(conn);
  const r = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertAccount(conn: Conn, row: Insertable<AccountsTable>): Promise<void> {
  const db = kysely(conn);
  await db.insertInto('accounts').values(row).execute();
}

export async function findAccount(conn: Conn, id: string): Promise<AccountRow | undefined> {
  const db = kysely(conn);
  return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

const todaySettingsQuery = queryTemplate<{ id: string }>({
  key: () => 'today',
  sentinel: (_, s) => ({ id: s.text() }),
  slots: (v) => [v.id],
  build: (db, { id }) => db.selectFrom('accounts').select(['daily_size', 'time_zone']).where('id', '=', id),
});

/**
 * What Today reads of the account on every call, from a template (store/query-template.ts):
 * building `select *` through Kysely cost more than SQLite took to answer it.
 */
export async function todayAccountSettings(
  conn: Conn,
  id: string,
): Promise<{ daily_size: number; time_zone: string } | undefined> {
  const db = kysely(conn);
  const [row] = (await db.executeQuery<Record<string, unknown>>(todaySettingsQuery(db, { id }))).rows;
  return row && { daily_size: int(row.daily_size), time_zone: text(row.time_zone) };
}

export async function updateAccount(conn: Conn, id: string, values: Partial<AccountRow>): Promise<void> {
  const db = kysely(conn);
  // An empty PATCH is a no-op: Kysely would build `UPDATE … SET WHERE`, a syntax error (a 500).
  if (Object.values(values).every((v) => v === undefined)) return;
  await db.updateTable('accounts').set(values).where('id', '=', id).execute();
}

/** The first account created on this server: the owner the local CLI acts as. */
export async function firstUser(conn: Conn): Promise<UserRow | undefined> {
  const db = kysely(conn);
  return db.selectFrom('users').selectAll().orderBy('created_at').orderBy('id').limit(1).executeTakeFirst();
}

export async function insertUser(conn: Conn, row: Insertable<UsersTable>): Promise<void> {
  const db = kysely(conn);
  await db.insertInto('users').values(row).execute();
}

export async function findUserByEmail(conn: Conn, email: string): Promise<UserRow | undefined> {
  const db = kysely(conn);
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function findUser(conn: Conn, accountId: string, id: string): Promise<UserRow | undefined> {
  const db = kysely(conn);
  return db
    .selectFrom('users')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertSession(conn: Conn, row: Insertable<SessionsTable>): Promise<void> {
  const db = kysely(conn);
  await db.insertInto('sessions').values(row).execute();
}

export async function findSession(conn: Conn, tokenHash: string) {
  const db = kysely(conn);
  return db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function deleteSession(conn: Conn, tokenHash: string): Promise<void> {
  const db = kysely(conn);
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function insertApiToken(conn: Conn, row: Insertable<ApiTokensTable>): Promise<void> {
  const db = kysely(conn);
  await db.insertInto('api_tokens').values(row).execute();
}

export async function findApiTokenByHash(conn: Conn, tokenHash: string): Promise<ApiTokenRow | undefined> {
  const db = kysely(conn);
  return db
    .selectFrom('api_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function listApiTokens(conn: Conn, accountId: string): Promise<ApiTokenRow[]> {
  const db = kysely(conn);
  return db
    .selectFrom('api_tokens')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function revokeApiToken(conn: Conn, accountId: string, id: string, at: string): Promise<number> {
  const db = kysely(conn);
  const r = await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function touchApiToken(conn: Conn, accountId: string, id: string, at: string): Promise<void> {
  const db = kysely(conn);
  await db
    .updateTable('api_tokens')
    .set({ last_used_at: at })
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .execute();
}

export type SessionRow = Selectable<SessionsTable>;

/** The user's sessions that have not expired, newest first. */
export async function listSessions(
  conn: Conn,
  accountId: string,
  userId: string,
  now: string,
): Promise<SessionRow[]> {
  const db = kysely(conn);
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('user_id', '=', userId)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function deleteSessionById(
  conn: Conn,
  accountId: string,
  userId: string,
  id: string,
): Promise<number> {
  const db = kysely(conn);
  const r = await db
    .deleteFrom('sessions')
    .where('account_id', '=', accountId)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Ends every session of the user but the one whose hash is `keepHash` (null: all of them). */
export async function deleteOtherSessions(
  conn: Conn,
  accountId: string,
  userId: string,
  keepHash: string | null,
): Promise<number> {
  const db = kysely(conn);
  let q = db.deleteFrom('sessions').where('account_id', '=', accountId).where('user_id', '=', userId);
  if (keepHash !== null) q = q.where('token_hash', '!=', keepHash);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function touchSession(conn: Conn, tokenHash: string, at: string): Promise<void> {
  const db = kysely(conn);
  await db.updateTable('sessions').set({ last_seen_at: at }).where('token_hash', '=', tokenHash).execute();
}

export async function updatePasswordHash(
  conn: Conn,
  accountId: string,
  userId: string,
  passwordHash: string,
): Promise<void> {
  const db = kysely(conn);
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash })
    .where('account_id', '=', accountId)
    .where('id', '=', userId)
    .execute();
}
