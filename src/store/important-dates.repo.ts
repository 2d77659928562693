import type { Insertable, Selectable } from 'kysely';
import { kysely } from './conn';
import type { ImportantDatesTable } from './database';
import type { Conn } from './store';

export type ImportantDateRow = Selectable<ImportantDatesTable>;

export async function insertImportantDate(conn: Conn, row: Insertable<ImportantDatesTable>): Promise<void> {
  const db = kysely(conn);
  await db.insertInto('important_dates').values(row).execute();
}

export async function findImportantDate(
  conn: Conn,
  accountId: string,
  id: string,
): Promise<ImportantDateRow | undefined> {
  const db = kysely(conn);
  return db
    .selectFrom('important_dates')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** In calendar order (January first). */
export async function listImportantDates(
  conn: Conn,
  accountId: string,
  contactId: string,
): Promise<ImportantDateRow[]> {
  const db = kysely(conn);
  return db
    .selectFrom('important_dates')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('contact_id', '=', contactId)
    .orderBy('month')
    .orderBy('day')
    .orderBy('id')
    .limit(1000)
    .execute();
}

export async function updateImportantDate(
  conn: Conn,
  accountId: string,
  id: string,
  values: Partial<ImportantDateRow>,
): Promise<void> {
  const db = kysely(conn);
  // An empty PATCH is a no-op: Kysely would build `UPDATE … SET WHERE`, a syntax error (a 500).
  if (Object.values(values).every((v) => v === undefined)) return;
  await db
    .updateTable('important_dates')
    .set(values)
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .execute();
}

export async function deleteImportantDate(conn: Conn, accountId: string, id: string): Promise<void> {
  const db = kysely(conn);
  await db.deleteFrom('important_dates').where('account_id', '=', accountId).where('id', '=', id).execute();
}
