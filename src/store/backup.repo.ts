import { sql } from 'kysely';
import { kysely } from './conn';
import type { Database } from './database';
import type { Conn } from './store';

export type OwnedTable = Exclude<keyof Database, 'accounts'>;
export type BackupRow = Record<string, unknown>;

/**
 * Rows per INSERT: SQLite binds at most 32,766 values and PostgreSQL 65,535; the widest table
 * (contacts, 27 columns) stays well under both.
 */
const ROWS_PER_INSERT = 500;

/** Every row one account holds in `table`, ordered by `orderBy`, without the account_id column. */
export async function ownedRows(
  conn: Conn,
  table: OwnedTable,
  accountId: string,
  orderBy: readonly string[],
): Promise<BackupRow[]> {
  const db = kysely(conn);
  const { rows } =
    await sql<BackupRow>`select * from ${sql.table(table)} where account_id = ${accountId} order by ${sql.join(orderBy.map((c) => sql.ref(c)))}`.execute(
      db,
    );
  return rows.map(({ account_id: _, ...rest }) => rest);
}

/** Inserts rows into `table` for the account, taking `columns` from each row (missing → NULL). */
export async function insertOwned(
  conn: Conn,
  table: OwnedTable,
  accountId: string,
  columns: readonly string[],
  rows: readonly BackupRow[],
): Promise<void> {
  const db = kysely(conn);
  const refs = sql.join(['account_id', ...columns].map((c) => sql.ref(c)));
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const values = rows
      .slice(i, i + ROWS_PER_INSERT)
      .map((r) => sql`(${sql.join([accountId, ...columns.map((c) => r[c] ?? null)])})`);
    await sql`insert into ${sql.table(table)} (${refs}) values ${sql.join(values)}`.execute(db);
  }
}

export async function countOwned(conn: Conn, table: OwnedTable, accountId: string): Promise<number> {
  const db = kysely(conn);
  const { rows } = await sql<{
    n: string | number;
  }>`select count(*) as n from ${sql.table(table)} where account_id = ${accountId}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

export async function deleteOwned(conn: Conn, table: OwnedTable, accountId: string): Promise<void> {
  const db = kysely(conn);
  await sql`delete from ${sql.table(table)} where account_id = ${accountId}`.execute(db);
}
