import type { Insertable, Selectable } from 'kysely';
import type { Db, ImportantDatesTable } from './database';

export type ImportantDateRow = Selectable<ImportantDatesTable>;

export async function insertImportantDate(db: Db, row: Insertable<ImportantDatesTable>): Promise<void> {
  await db.insertInto('important_dates').values(row).execute();
}

export async function findImportantDate(
  db: Db,
  accountId: string,
  id: string,
): Promise<ImportantDateRow | undefined> {
  return db
    .selectFrom('important_dates')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** In calendar order (January first). */
export async function listImportantDates(
  db: Db,
  accountId: string,
  contactId: string,
): Promise<ImportantDateRow[]> {
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
  db: Db,
  accountId: string,
  id: string,
  values: Partial<ImportantDateRow>,
): Promise<void> {
  // An empty PATCH is a no-op: Kysely would build `UPDATE … SET WHERE`, a syntax error (a 500).
  if (Object.values(values).every((v) => v === undefined)) return;
  await db
    .updateTable('important_dates')
    .set(values)
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .execute();
}

export async function deleteImportantDate(db: Db, accountId: string, id: string): Promise<void> {
  await db.deleteFrom('important_dates').where('account_id', '=', accountId).where('id', '=', id).execute();
}
