import { type Insertable, sql } from 'kysely';
import { kysely } from './conn';
import type { Database } from './database';
import type { Conn } from './store';

export async function countContacts(conn: Conn, accountId: string): Promise<number> {
  const db = kysely(conn);
  const row = await db
    .selectFrom('contacts')
    .select(sql<number | string>`count(*)`.as('n'))
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  // PostgreSQL returns count() as a bigint string.
  return Number(row?.n ?? 0);
}

// Stays under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters per statement.
const MAX_PARAMS = 20_000;

/** Multi-row INSERTs in chunks sized by column count: a few statements instead of one per row. */
export async function insertInChunks<T extends keyof Database & string>(
  conn: Conn,
  table: T,
  rows: Insertable<Database[T]>[],
): Promise<void> {
  const db = kysely(conn);
  const first = rows[0];
  if (!first) return;
  const size = Math.max(1, Math.floor(MAX_PARAMS / Object.keys(first).length));
  for (let i = 0; i < rows.length; i += size) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + size))
      .execute();
  }
}
