import { type Insertable, sql } from 'kysely';
import type { Database, Db } from './database';

export async function countContacts(db: Db, accountId: string): Promise<number> {
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
  db: Db,
  table: T,
  rows: Insertable<Database[T]>[],
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const size = Math.max(1, Math.floor(MAX_PARAMS / Object.keys(first).length));
  for (let i = 0; i < rows.length; i += size) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + size) as never)
      .execute();
  }
}
