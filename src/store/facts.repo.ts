import type { Insertable, Selectable } from 'kysely';
import type { Db, FactsTable } from './database';

export type FactRow = Selectable<FactsTable>;

export async function insertFact(db: Db, row: Insertable<FactsTable>): Promise<void> {
  await db.insertInto('facts').values(row).execute();
}

export async function findFact(db: Db, accountId: string, id: string): Promise<FactRow | undefined> {
  return db
    .selectFrom('facts')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Pinned first, then in the order they were written down. */
export async function listFacts(db: Db, accountId: string, contactId: string): Promise<FactRow[]> {
  return db
    .selectFrom('facts')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('contact_id', '=', contactId)
    .orderBy('pinned', 'desc')
    .orderBy('created_at')
    .orderBy('id')
    .limit(1000)
    .execute();
}

export async function updateFact(
  db: Db,
  accountId: string,
  id: string,
  values: Partial<FactRow>,
): Promise<void> {
  // An empty PATCH is a no-op: Kysely would build `UPDATE … SET WHERE`, a syntax error (a 500).
  if (Object.values(values).every((v) => v === undefined)) return;
  await db
    .updateTable('facts')
    .set(values)
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .execute();
}

export async function deleteFact(db: Db, accountId: string, id: string): Promise<void> {
  await db.deleteFrom('facts').where('account_id', '=', accountId).where('id', '=', id).execute();
}
