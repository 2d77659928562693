import { sql } from 'kysely';
import { kysely } from './conn';
import { isPostgres } from './dialect-of';
import type { Conn } from './store';

/**
 * After a bulk insert into `table` inside a transaction, refreshes PostgreSQL's statistics on it
 * when they know of fewer rows than this transaction has just added (a fresh database, or a table
 * analysed while it was small). Without them the planner costs the primary key and every other
 * `(account_id, …)` index alike, and the foreign-key check it plans once per connection (children
 * → contacts) may walk all of the account's contacts to find one: a 30,000-row import commit did
 * not finish in 400 s. ANALYZE inside the transaction counts its own uncommitted rows and drops the
 * cached plans. Its lock (until this transaction ends) makes a second such ANALYZE wait, but not
 * reads or writes; it runs only while the statistics are that far behind. A no-op on SQLite, whose
 * planner takes the key for a full-key lookup.
 */
export async function refreshPlannerStats(conn: Conn, table: string, inserted: number): Promise<void> {
  const db = kysely(conn);
  if (inserted === 0 || !isPostgres(db)) return;
  const { rows } = await sql<{ reltuples: number }>`
    select reltuples from pg_class where oid = to_regclass(${table})`.execute(db);
  const known = Number(rows[0]?.reltuples ?? -1);
  if (known >= inserted) return;
  // A non-owner gets a warning and no statistics, not an error.
  await sql`analyze ${sql.table(table)}`.execute(db);
}
