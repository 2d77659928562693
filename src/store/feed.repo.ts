import type { Insertable, Selectable } from 'kysely';
import type { DateKind, TaskKind } from '../core/vocabulary';
import { kysely } from './conn';
import type { FeedTokensTable } from './database';
import type { Conn } from './store';

export type FeedTokenRow = Selectable<FeedTokensTable>;

export async function insertFeedToken(conn: Conn, row: Insertable<FeedTokensTable>): Promise<void> {
  const db = kysely(conn);
  await db.insertInto('feed_tokens').values(row).execute();
}

export async function listFeedTokens(conn: Conn, accountId: string): Promise<FeedTokenRow[]> {
  const db = kysely(conn);
  return db
    .selectFrom('feed_tokens')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Only live tokens: a revoked feed URL must stop working at once. */
export async function findFeedTokenByHash(conn: Conn, tokenHash: string): Promise<FeedTokenRow | undefined> {
  const db = kysely(conn);
  return db
    .selectFrom('feed_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function revokeFeedToken(
  conn: Conn,
  accountId: string,
  id: string,
  at: string,
): Promise<number> {
  const db = kysely(conn);
  const r = await db
    .updateTable('feed_tokens')
    .set({ revoked_at: at })
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export interface FeedDateRow {
  id: string;
  kind: DateKind;
  label: string | null;
  month: number;
  day: number;
  year: number | null;
  first_name: string;
  last_name: string;
}

/** Every important date of the account with its contact's name (a yearly event each). */
export async function feedDates(conn: Conn, accountId: string): Promise<FeedDateRow[]> {
  const db = kysely(conn);
  return db
    .selectFrom('important_dates as d')
    .innerJoin('contacts as c', (j) =>
      j.onRef('c.account_id', '=', 'd.account_id').onRef('c.id', '=', 'd.contact_id'),
    )
    .select(['d.id', 'd.kind', 'd.label', 'd.month', 'd.day', 'd.year', 'c.first_name', 'c.last_name'])
    .where('d.account_id', '=', accountId)
    .orderBy('d.month')
    .orderBy('d.day')
    .orderBy('d.id')
    .execute();
}

export interface FeedTaskRow {
  id: string;
  kind: TaskKind;
  title: string;
  due_at: string;
  first_name: string | null;
  last_name: string | null;
}

/** Open tasks due from `from` on (at most `limit`, soonest first), with the contact's name when there is one. */
export async function feedTasks(
  conn: Conn,
  accountId: string,
  from: string,
  limit: number,
): Promise<FeedTaskRow[]> {
  const db = kysely(conn);
  return db
    .selectFrom('tasks as t')
    .leftJoin('contacts as c', (j) =>
      j.onRef('c.account_id', '=', 't.account_id').onRef('c.id', '=', 't.contact_id'),
    )
    .select(['t.id', 't.kind', 't.title', 't.due_at', 'c.first_name', 'c.last_name'])
    .where('t.account_id', '=', accountId)
    .where('t.done_at', 'is', null)
    .where('t.due_at', '>=', from)
    .orderBy('t.due_at')
    .orderBy('t.id')
    .limit(limit)
    .execute();
}
